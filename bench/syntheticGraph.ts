import type { SeedData, SeedEntity, SeedRelationship } from '../src/seed/loadSeedFiles';
import { relationshipKey } from '../src/seed/loadSeedFiles';
import {
  ACTOR_KINDS,
  INITIATIVE_KINDS,
  STRATEGY_KINDS,
  type Citation,
  type EntityLabel,
  type SourceRecord,
} from '../src/seed/model';
import { rankPermutation, SeededRandom } from './random';

/**
 * A synthetic graph in the shape of the curated one, for the benchmark: the same labels
 * (Entity + Actor, Initiative, Strategy, Priority, Theme, Stage, Region; Source; Figure), the same
 * relationship types (src/seed/model.ts) with the same properties, made into the same node and
 * relationship properties by the seed loader's own `toWriteParams` (bench/loadSyntheticGraph.ts).
 *
 * It is deterministic: the same `actors` and `seed` give the same graph, record for record, on
 * any machine. Degrees follow power laws, as in the real ecosystem: out-degrees are Pareto
 * counts, and targets are drawn by power-law popularity, so a few networks have thousands of
 * members and most actors a handful. About ten relationships per actor in all.
 *
 * Records are produced in batches (generators), so that 100k actors and a million relationships
 * never sit in memory at once; a relationship refers to its ends by computed ids, not by object.
 */

export interface SyntheticGraphSpec {
  /** The number of actors: 1,000, 10,000 or 100,000 in the benchmark. */
  actors: number;
  seed: number;
}

export interface SyntheticGraphSizes {
  actors: number;
  initiatives: number;
  strategies: number;
  priorities: number;
  themes: number;
  regions: number;
  stages: number;
  sources: number;
}

type ActorKind = (typeof ACTOR_KINDS)[number];
type SeedFigure = SeedData['figures'][number];

/** Where a synthetic record "comes from", for the loader's record type. */
const ORIGIN_FILE = 'synthetic';

// The vocabulary of names: places of the region (with å/ä/ö/ø, so that folding matters) and
// roots of life-science names. Search workloads look for a root word.
const PLACES = [
  'Lund',
  'Malmö',
  'Helsingborg',
  'Skåne',
  'Öresund',
  'Copenhagen',
  'København',
  'Medicon',
  'Nordic',
  'Scandinavian',
  'Hyllie',
  'Ideon',
  'Kristianstad',
  'Hørsholm',
  'Ystad',
  'Ängelholm',
  'Trelleborg',
  'Søborg',
  'Roskilde',
  'Landskrona',
];
export const NAME_ROOTS = [
  'Cardio',
  'Neuro',
  'Onco',
  'Immuno',
  'Gene',
  'Cell',
  'Derma',
  'Pharma',
  'Vaccine',
  'Bio',
  'Medtech',
  'Health',
  'Data',
  'Imaging',
  'Proteo',
  'Glyco',
  'Diabetes',
  'Nutri',
  'Vision',
  'Ortho',
  'Respira',
  'Hemato',
  'Microbio',
  'Nano',
  'Regen',
  'Enzyme',
  'Lipid',
  'Peptide',
  'Antibody',
  'Sensor',
  'Robotics',
  'Digital',
  'Care',
  'Life',
  'Diagnostic',
  'Precision',
  'Clinical',
  'Molecular',
  'Synapse',
  'Thera',
];
const ACTOR_SUFFIXES: Record<ActorKind, string[]> = {
  university: ['University', 'University College', 'Institute'],
  hospital: ['University Hospital', 'Clinic', 'Hospital'],
  science_park: ['Science Park', 'Innovation Park', 'Campus'],
  incubator: ['Incubator', 'Accelerator', 'Venture Lab'],
  innovation_office: ['Innovation', 'Holding', 'Innovation Office'],
  investor: ['Ventures', 'Capital', 'Invest', 'Fund'],
  research_infrastructure: ['Facility', 'Laboratory', 'Infrastructure', 'Biobank'],
  public_body: ['Region', 'Agency', 'Council', 'Kommun'],
  network: ['Network', 'Cluster', 'Alliance', 'Association'],
  company: ['AB', 'ApS', 'A/S', 'Therapeutics', 'Biotech', 'Diagnostics', 'Medical'],
  foundation: ['Foundation', 'Stiftelse', 'Trust'],
};
/** Relative frequency of actor kinds: mostly companies, as in a cluster's member lists. */
const ACTOR_KIND_WEIGHTS: Record<ActorKind, number> = {
  company: 50,
  investor: 8,
  public_body: 6,
  foundation: 6,
  network: 7,
  incubator: 5,
  innovation_office: 4,
  university: 3,
  hospital: 3,
  science_park: 4,
  research_infrastructure: 4,
};
const INITIATIVE_SUFFIXES: Record<(typeof INITIATIVE_KINDS)[number], string> = {
  project: 'Project',
  programme: 'Programme',
  network: 'Network of Practice',
  event: 'Summit',
  e_service: 'Portal',
  centre: 'Centre',
};
const THEME_FIELDS = ['therapies', 'diagnostics', 'research', 'data', 'devices'];
const ROOT_THEMES = [
  'ATMP',
  'Precision medicine',
  'Precision health',
  'Health data and AI',
  'Medical technology',
  'Life science',
];

/** The regions of the real graph, with their PART_OF parents. */
const REGIONS: { id: string; name: string; nameEn: string; partOf?: string; aliases: string[] }[] = [
  { id: 'eu', name: 'Europeiska unionen', nameEn: 'European Union', aliases: ['EU'] },
  { id: 'sweden', name: 'Sverige', nameEn: 'Sweden', partOf: 'eu', aliases: [] },
  { id: 'denmark', name: 'Danmark', nameEn: 'Denmark', partOf: 'eu', aliases: [] },
  { id: 'sydsverige', name: 'Sydsverige', nameEn: 'South Sweden', partOf: 'sweden', aliases: ['SE22'] },
  { id: 'skane', name: 'Skåne', nameEn: 'Scania', partOf: 'sydsverige', aliases: ['Skane'] },
  { id: 'stockholm', name: 'Stockholm', nameEn: 'Stockholm', partOf: 'sweden', aliases: [] },
  { id: 'greater-copenhagen', name: 'Greater Copenhagen', nameEn: 'Greater Copenhagen', aliases: [] },
  { id: 'medicon-valley', name: 'Medicon Valley', nameEn: 'Medicon Valley', aliases: [] },
  {
    id: 'capital-region-denmark',
    name: 'Region Hovedstaden',
    nameEn: 'Capital Region of Denmark',
    partOf: 'denmark',
    aliases: [],
  },
  { id: 'region-zealand', name: 'Region Sjælland', nameEn: 'Region Zealand', partOf: 'denmark', aliases: [] },
];
/** Where actors are located, most popular first (drawn by power law). */
const LOCATION_REGIONS = [
  'skane',
  'capital-region-denmark',
  'medicon-valley',
  'region-zealand',
  'stockholm',
  'greater-copenhagen',
];
const STAGES = [
  { id: 'idea', name: 'Idé', nameEn: 'Idea' },
  { id: 'pre-seed', name: 'Pre-seed', nameEn: 'Pre-seed' },
  { id: 'startup', name: 'Startup', nameEn: 'Startup' },
  { id: 'scale-up', name: 'Scale-up', nameEn: 'Scale-up' },
  { id: 'established', name: 'Etablerat företag', nameEn: 'Established company' },
];
const SOURCE_COUNT = 24;

// Salts that give each phase its own random stream, so that changing one phase (say, adding a
// relationship type) does not reshuffle the others.
const STREAM = { kinds: 1, entities: 2, actorEdges: 3, initiativeEdges: 4, strategyEdges: 5, figures: 6 } as const;

const pad = (i: number, width = 6) => String(i).padStart(width, '0');
export const actorId = (i: number) => `actor-${pad(i)}`;
export const initiativeId = (i: number) => `initiative-${pad(i)}`;
export const strategyId = (i: number) => `strategy-${pad(i)}`;
export const priorityId = (i: number) => `priority-${pad(i)}`;
export const themeId = (i: number) => `theme-${pad(i, 4)}`;
const sourceId = (i: number) => `synthetic-${pad(i, 3)}.txt`;

/** The sizes of every kind of node for a number of actors. */
export function syntheticGraphSizes(actors: number): SyntheticGraphSizes {
  const strategies = Math.max(5, Math.floor(actors / 50));
  return {
    actors,
    initiatives: Math.max(10, Math.floor(actors / 5)),
    strategies,
    priorities: strategies * 3,
    themes: ROOT_THEMES.length + 14 + Math.floor(actors / 1000),
    regions: REGIONS.length,
    stages: STAGES.length,
    sources: SOURCE_COUNT,
  };
}

export class SyntheticGraph {
  readonly sizes: SyntheticGraphSizes;
  /** Actor index -> kind, drawn once (1 byte per actor). */
  private readonly actorKinds: Uint8Array;
  /** Actor indexes by kind group, for choosing plausible ends (members join networks). */
  private readonly pools: Record<
    'all' | 'companies' | 'organisers' | 'publishers' | 'infrastructures' | 'leaders',
    number[]
  >;

  constructor(readonly spec: SyntheticGraphSpec) {
    if (!Number.isInteger(spec.actors) || spec.actors < 50) {
      throw new Error(`A synthetic graph needs a whole number of at least 50 actors, not ${spec.actors}.`);
    }
    this.sizes = syntheticGraphSizes(spec.actors);
    const random = this.stream(STREAM.kinds);
    const weights = ACTOR_KINDS.map((k) => ACTOR_KIND_WEIGHTS[k]);
    const indexes = ACTOR_KINDS.map((_k, i) => i);
    this.actorKinds = new Uint8Array(spec.actors);
    for (let i = 0; i < spec.actors; i++) this.actorKinds[i] = random.weighted(indexes, weights);
    const byKinds = (kinds: ActorKind[]) => {
      const pool: number[] = [];
      for (let i = 0; i < spec.actors; i++) if (kinds.includes(this.kindOf(i))) pool.push(i);
      return pool.length > 0 ? pool : [0];
    };
    this.pools = {
      all: Array.from({ length: spec.actors }, (_v, i) => i),
      companies: byKinds(['company']),
      organisers: byKinds(['network', 'science_park', 'public_body', 'foundation']),
      publishers: byKinds(['public_body', 'network', 'university', 'foundation']),
      infrastructures: byKinds(['research_infrastructure']),
      leaders: byKinds([
        'university',
        'hospital',
        'public_body',
        'network',
        'innovation_office',
        'science_park',
        'incubator',
      ]),
    };
  }

  kindOf(actor: number): ActorKind {
    return ACTOR_KINDS[this.actorKinds[actor]!]!;
  }

  private stream(salt: number): SeededRandom {
    return new SeededRandom(Math.imul(this.spec.seed, 0x9e3779b1) ^ (salt * 0x85ebca6b) ^ this.spec.actors);
  }

  // -------------------------------------------------------------------------------------------
  // Nodes

  sources(): SourceRecord[] {
    return Array.from({ length: SOURCE_COUNT }, (_v, i) => ({
      id: sourceId(i + 1),
      title: `Syntetiskt underlag ${i + 1}`,
      titleEn: `Synthetic source document ${i + 1}`,
      language: (['sv', 'en', 'da'] as const)[i % 3]!,
      publisher: PLACES[i % PLACES.length]!,
      year: 2015 + (i % 10),
    }));
  }

  /** Every entity, in batches of `batchSize`: regions, stages, themes, actors, initiatives, strategies, priorities. */
  *entityBatches(batchSize: number): Generator<SeedEntity[]> {
    const random = this.stream(STREAM.entities);
    let batch: SeedEntity[] = [];
    // The seed's EntityRecord type intersects every kind's fields (so `kind` has no value that
    // fits all); records here are built per label, as the seed validator builds them.
    const push = (
      label: EntityLabel,
      collection: SeedEntity['origin']['collection'],
      index: number,
      record: Record<string, unknown>,
    ) => {
      batch.push({ label, record: record as SeedEntity['record'], origin: { file: ORIGIN_FILE, collection, index } });
      return batch.length >= batchSize;
    };
    const flush = () => {
      const full = batch;
      batch = [];
      return full;
    };
    const citations = (subject: string): Citation[] => this.citations(random, subject);

    REGIONS.forEach((r, i) => {
      push('Region', 'regions', i, {
        ...r,
        aliases: r.aliases,
        description: `The region ${r.nameEn}.`,
        sources: citations(r.name),
      });
    });
    STAGES.forEach((s, i) => {
      push('Stage', 'stages', i, {
        ...s,
        aliases: [],
        order: i + 1,
        description: `Companies at the ${s.nameEn.toLowerCase()} stage.`,
        sources: citations(s.name),
      });
    });
    for (let t = 0; t < this.sizes.themes; t++) {
      const name = this.themeName(t);
      push('Theme', 'themes', t, {
        id: themeId(t),
        name,
        nameEn: name,
        aliases: [],
        description: `Work on ${name.toLowerCase()}.`,
        ...(t >= ROOT_THEMES.length ? { broader: themeId(t % ROOT_THEMES.length) } : {}),
        sources: citations(name),
      });
    }
    yield flush();

    for (let a = 0; a < this.sizes.actors; a++) {
      const kind = this.kindOf(a);
      const place = random.pick(PLACES);
      const root = random.pick(NAME_ROOTS);
      const name = random.chance(0.5)
        ? `${place} ${root} ${random.pick(ACTOR_SUFFIXES[kind])}`
        : `${root} ${place} ${random.pick(ACTOR_SUFFIXES[kind])}`;
      const folded = foldDiacritics(name);
      const acronym = name
        .split(/\s+/)
        .map((w) => w[0])
        .join('')
        .toUpperCase();
      if (
        push('Actor', 'actors', a, {
          id: actorId(a),
          kind,
          name,
          nameEn: name.replace('Kommun', 'Municipality').replace('Stiftelse', 'Foundation'),
          aliases: folded === name ? [acronym] : [acronym, folded],
          description: `A ${kind.replace(/_/g, ' ')} in ${place} working on ${root.toLowerCase()} ${random.pick(THEME_FIELDS)}.`,
          ...(random.chance(0.6) ? { website: `https://www.${actorId(a)}.example.org` } : {}),
          sources: citations(name),
        })
      ) {
        yield flush();
      }
    }
    for (let i = 0; i < this.sizes.initiatives; i++) {
      const kind = random.pick(INITIATIVE_KINDS);
      const name = `${random.pick(NAME_ROOTS)} ${random.pick(PLACES)} ${INITIATIVE_SUFFIXES[kind]}`;
      const from = 2010 + random.int(14);
      if (
        push('Initiative', 'initiatives', i, {
          id: initiativeId(i),
          kind,
          name,
          nameEn: name,
          aliases: [],
          description: `A ${kind.replace('_', '-')} of the ecosystem.`,
          validFrom: String(from),
          ...(random.chance(0.5) ? { validTo: String(from + 2 + random.int(6)) } : {}),
          sources: citations(name),
        })
      ) {
        yield flush();
      }
    }
    for (let s = 0; s < this.sizes.strategies; s++) {
      const kind = random.pick(STRATEGY_KINDS);
      const year = 2012 + random.int(13);
      const name = `${random.pick(PLACES)} ${random.pick(NAME_ROOTS)} ${kind === 'strategy' ? 'Strategi' : kind[0]!.toUpperCase() + kind.slice(1)} ${year}`;
      if (
        push('Strategy', 'strategies', s, {
          id: strategyId(s),
          kind,
          name,
          nameEn: name,
          aliases: [],
          year,
          sources: citations(name),
        })
      ) {
        yield flush();
      }
    }
    for (let p = 0; p < this.sizes.priorities; p++) {
      const name = `${random.pick(NAME_ROOTS)} ${random.pick(THEME_FIELDS)} (priority ${(p % 3) + 1})`;
      if (
        push('Priority', 'priorities', p, {
          id: priorityId(p),
          name,
          nameEn: name,
          aliases: [],
          strategy: strategyId(Math.floor(p / 3)),
          order: (p % 3) + 1,
          sources: citations(name),
        })
      ) {
        yield flush();
      }
    }
    if (batch.length > 0) yield flush();
  }

  /** Figures about a twentieth of the actors (employees), as the curated graph has about its regions and actors. */
  *figureBatches(batchSize: number): Generator<SeedFigure[]> {
    const random = this.stream(STREAM.figures);
    let batch: SeedFigure[] = [];
    for (let a = 0; a < this.sizes.actors; a += 20) {
      const year = 2018 + random.int(7);
      batch.push({
        id: `figure-${actorId(a)}-employees-${year}`,
        subject: actorId(a),
        metric: 'employees',
        value: 5 + random.paretoCount(10, 1.2, 20000),
        unit: 'persons',
        date: String(year),
        basis: 'STATED',
        sources: this.citations(random, actorId(a)),
        origin: { file: ORIGIN_FILE, collection: 'figures', index: a / 20 },
      });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  // -------------------------------------------------------------------------------------------
  // Relationships

  /** Every relationship, in batches: from actors, from initiatives, from strategies and priorities. */
  *relationshipBatches(batchSize: number): Generator<SeedRelationship[]> {
    let batch: SeedRelationship[] = [];
    let index = 0;
    const seen = new Set<string>();
    const random = {
      actors: this.stream(STREAM.actorEdges),
      initiatives: this.stream(STREAM.initiativeEdges),
      strategies: this.stream(STREAM.strategyEdges),
    };
    const add = (
      r: SeededRandom,
      from: string,
      type: string,
      to: string,
      extra: Partial<SeedRelationship> = {},
    ): void => {
      if (from === to) return;
      const key = relationshipKey(from, type, to, extra.role);
      // Duplicates only arise among one node's own draws, so the set is cleared per node.
      if (seen.has(key)) return;
      seen.add(key);
      batch.push({
        from,
        type,
        to,
        key,
        basis: 'STATED',
        sources: this.citations(r, `${from} ${type} ${to}`),
        origin: { file: ORIGIN_FILE, collection: 'relationships', index: index++ },
        ...extra,
      });
    };
    const pickFrom = (r: SeededRandom, pool: number[], salt: number, skew = 3) =>
      pool[permutationOf(pool.length, salt)(r.powerLawRank(pool.length, skew))]!;
    const themeRank = (r: SeededRandom) =>
      themeId(permutationOf(this.sizes.themes, 11)(r.powerLawRank(this.sizes.themes, 2)));
    const initiativeRank = (r: SeededRandom) =>
      initiativeId(permutationOf(this.sizes.initiatives, 12)(r.powerLawRank(this.sizes.initiatives, 2.5)));
    const strategyRank = (r: SeededRandom) =>
      strategyId(permutationOf(this.sizes.strategies, 13)(r.powerLawRank(this.sizes.strategies, 2.5)));
    const stage = (r: SeededRandom) => STAGES[r.powerLawRank(STAGES.length, 1.5)]!.id;

    for (let a = 0; a < this.sizes.actors; a++) {
      const r = random.actors;
      const id = actorId(a);
      const kind = this.kindOf(a);
      seen.clear();
      add(r, id, 'LOCATED_IN', LOCATION_REGIONS[r.powerLawRank(LOCATION_REGIONS.length, 2)]!);
      for (let n = r.paretoCount(1, 2.5, 6); n > 0; n--) add(r, id, 'FOCUSES_ON', themeRank(r));
      for (let n = r.paretoCount(1, 1.6, 400) - 1; n > 0; n--)
        add(r, id, 'MEMBER_OF', actorId(pickFrom(r, this.pools.organisers, 21)), { role: 'member' });
      for (let n = r.paretoCount(1, 1.8, 200) - (r.chance(0.4) ? 1 : 0); n > 0; n--)
        add(r, id, 'COLLABORATES_WITH', actorId(pickFrom(r, this.pools.all, 22)));
      for (let n = r.paretoCount(1, 1.7, 300) - (r.chance(0.3) ? 1 : 0); n > 0; n--) {
        add(
          r,
          id,
          r.chance(0.2) ? 'LEADS' : 'PARTNER_IN',
          initiativeRank(r),
          r.chance(0.3) ? { validFrom: String(2012 + r.int(12)) } : {},
        );
      }
      if (r.chance(0.02)) add(r, id, 'NOT_MEMBER_OF', actorId(pickFrom(r, this.pools.organisers, 21)));
      if (kind === 'company' && r.chance(0.25))
        add(r, id, 'USES', actorId(pickFrom(r, this.pools.infrastructures, 23, 1.5)));
      switch (kind) {
        case 'investor':
          for (let n = r.paretoCount(2, 1.5, 500); n > 0; n--) {
            add(r, id, 'INVESTS_IN', actorId(pickFrom(r, this.pools.companies, 24, 1.5)), {
              amount: 1e5 * (1 + r.int(200)),
              currency: r.pick(['SEK', 'DKK', 'EUR']),
            });
          }
          add(r, id, 'INVESTS_IN', stage(r));
          add(r, id, 'INVESTS_IN', themeRank(r));
          break;
        case 'incubator':
          for (let n = r.paretoCount(2, 1.5, 500); n > 0; n--)
            add(r, id, 'INCUBATES', actorId(pickFrom(r, this.pools.companies, 25, 1.5)));
          add(r, id, 'TARGETS_STAGE', stage(r));
          add(r, id, 'INCUBATES', themeRank(r));
          break;
        case 'foundation':
        case 'public_body':
          for (let n = r.paretoCount(1, 1.5, 300); n > 0; n--) {
            add(r, id, 'FUNDS', r.chance(0.5) ? actorId(pickFrom(r, this.pools.all, 26)) : initiativeRank(r), {
              amount: 1e5 * (1 + r.int(500)),
              currency: r.pick(['SEK', 'DKK', 'EUR']),
            });
          }
          if (kind === 'public_body' && r.chance(0.3))
            add(r, id, 'OWNS', actorId(pickFrom(r, this.pools.all, 27)), { role: 'owner' });
          add(r, id, 'SUPPORTS', themeRank(r));
          break;
        case 'science_park':
        case 'university':
        case 'hospital':
          for (let n = r.paretoCount(1, 1.5, 300); n > 0; n--)
            add(r, id, 'HOSTS', actorId(pickFrom(r, this.pools.companies, 28, 1.5)));
          break;
        case 'innovation_office':
        case 'network':
          add(r, id, 'SUPPORTS', stage(r));
          add(r, id, 'TARGETS_STAGE', stage(r));
          if (r.chance(0.5)) add(r, id, 'ARRANGES', initiativeRank(r));
          break;
        case 'research_infrastructure':
          if (r.chance(0.5)) add(r, id, 'OPERATES', initiativeRank(r));
          break;
        default:
          break;
      }
      if (batch.length >= batchSize) yield take();
    }
    for (let i = 0; i < this.sizes.initiatives; i++) {
      const r = random.initiatives;
      const id = initiativeId(i);
      seen.clear();
      // Every initiative has a leader, mostly the organisations that run projects.
      add(r, actorId(pickFrom(r, this.pools.leaders, 31)), 'LEADS', id, { role: 'coordinator' });
      for (let n = r.paretoCount(1, 2.5, 5); n > 0; n--) add(r, id, 'FOCUSES_ON', themeRank(r));
      for (let n = r.paretoCount(1, 2, 8) - (r.chance(0.3) ? 1 : 0); n > 0; n--)
        add(r, id, 'ALIGNS_WITH', strategyRank(r));
      if (r.chance(0.4)) add(r, id, 'TARGETS_STAGE', stage(r));
      if (r.chance(0.1)) add(r, id, 'PART_OF', initiativeRank(r));
      if (r.chance(0.05)) add(r, id, 'USES', actorId(pickFrom(r, this.pools.infrastructures, 23, 1.5)));
      if (batch.length >= batchSize) yield take();
    }
    for (let s = 0; s < this.sizes.strategies; s++) {
      const r = random.strategies;
      const id = strategyId(s);
      seen.clear();
      add(r, actorId(pickFrom(r, this.pools.publishers, 41)), 'PUBLISHES', id);
      for (let n = 1 + r.int(3); n > 0; n--) add(r, id, 'PRIORITISES', themeRank(r));
      if (r.chance(0.3)) add(r, id, 'ALIGNS_WITH', strategyRank(r));
      for (let p = s * 3; p < s * 3 + 3; p++) add(r, priorityId(p), 'FOCUSES_ON', themeRank(r));
      if (batch.length >= batchSize) yield take();
    }
    if (batch.length > 0) yield take();

    function take() {
      const full = batch;
      batch = [];
      return full;
    }
  }

  private themeName(t: number): string {
    if (t < ROOT_THEMES.length) return ROOT_THEMES[t]!;
    const n = t - ROOT_THEMES.length;
    return `${NAME_ROOTS[n % NAME_ROOTS.length]} ${THEME_FIELDS[Math.floor(n / NAME_ROOTS.length) % THEME_FIELDS.length]}${n >= NAME_ROOTS.length * THEME_FIELDS.length ? ` ${n}` : ''}`;
  }

  /** One or two citations of synthetic documents, with a quote that names the subject. */
  private citations(random: SeededRandom, subject: string): Citation[] {
    const count = random.chance(0.25) ? 2 : 1;
    return Array.from({ length: count }, (_v, i) => ({
      doc: sourceId(1 + random.int(SOURCE_COUNT)),
      quote:
        i === 0
          ? `${subject} is named in this synthetic document.`
          : `The synthetic document mentions ${subject} again.`,
    }));
  }
}

const permutations = new Map<string, (rank: number) => number>();
function permutationOf(n: number, salt: number): (rank: number) => number {
  const key = `${n}:${salt}`;
  let permutation = permutations.get(key);
  if (!permutation) {
    permutation = rankPermutation(n, salt);
    permutations.set(key, permutation);
  }
  return permutation;
}

function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/æ/g, 'ae');
}
