import { SEED_DIR } from '../../src/bootstrap';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { HELP_TYPES } from '../../src/seed/model';
import { toWriteParams } from '../../src/seed/writeSeed';
import { foldForMatching } from '../../src/text/fold';

/**
 * The seed as a small in-memory graph, built from the files and not from Neo4j: tests compute
 * what an answer must be with plain TypeScript and compare it with what the API returns from
 * the database. Two independent implementations that agree are the check of completeness.
 */
export interface SeedEdge {
  from: string;
  type: string;
  to: string;
  quotes: string[];
}

/** An entity as the loader writes it (the properties the tests read). */
export interface SeedEntityView {
  label: string;
  id: string;
  name: string;
  nameEn: string;
  kind?: string;
  matchKeys: string[];
}

export function seedGraph() {
  const data = loadSeedFiles(SEED_DIR);
  const params = toWriteParams(data);
  const entities = new Map<string, SeedEntityView>(
    params.entities.map((e) => [e.props.id as string, { label: e.label, ...e.props } as unknown as SeedEntityView]),
  );
  const edges: SeedEdge[] = params.relationships.map((r) => ({
    from: r.from,
    type: r.type,
    to: r.to,
    quotes: r.props.quotes as string[],
  }));
  const out = (id: string, types: string[]) => edges.filter((e) => e.from === id && types.includes(e.type));
  const into = (id: string, types: string[]) => edges.filter((e) => e.to === id && types.includes(e.type));

  /** The entity a client's name means (slug, name, English name or alias), among one label. */
  const byName = (label: string, name: string) =>
    [...entities.values()].find((e) => e.label === label && e.matchKeys.includes(foldForMatching(name)));

  /** A theme or region with everything below it (SUBTHEME_OF / PART_OF). */
  const withDescendants = (id: string, type: 'SUBTHEME_OF' | 'PART_OF') => {
    const found = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of edges) {
        if (e.type === type && found.has(e.to) && !found.has(e.from)) {
          found.add(e.from);
          grew = true;
        }
      }
    }
    return found;
  };

  return { data, entities, edges, out, into, byName, withDescendants };
}
export type SeedGraph = ReturnType<typeof seedGraph>;

/** The relationship types that mean help (the model's HELP_TYPES), and those that link a theme. */
export const HELP_LINKS: string[] = [...HELP_TYPES];
export const THEME_LINKS = [...HELP_LINKS, 'FOCUSES_ON'];
const STAGE_LINKS = ['TARGETS_STAGE', ...HELP_LINKS];
const RUNS = ['OPERATES', 'LEADS', 'ARRANGES', 'OWNS', 'FUNDS', 'INITIATES'];

/**
 * The supporter rule of docs/model.md, written again over the seed files: every actor and
 * initiative that supports companies of the theme (with sub-themes), by id, with its stage
 * evidence: STATED when a source states that it helps companies of the stage (any stage when
 * `stageId` is null), NOT_STATED when it only helps the theme with no stage stated.
 */
export function expectedSupporterEvidence(
  g: SeedGraph,
  themeIds: Set<string>,
  stageId: string | null,
): Map<string, 'STATED' | 'NOT_STATED'> {
  const isCandidate = (id: string) => ['Actor', 'Initiative'].includes(g.entities.get(id)!.label);
  const runs = (id: string) => g.out(id, RUNS).filter((e) => g.entities.get(e.to)!.label === 'Initiative');
  const themeLinks = new Map<string, string[]>(); // candidate -> types of its final theme hops
  for (const e of g.edges) {
    if (!THEME_LINKS.includes(e.type) || !themeIds.has(e.to)) continue;
    const direct = isCandidate(e.from) ? [e.from] : [];
    const viaInitiative =
      g.entities.get(e.from)!.label === 'Initiative'
        ? g
            .into(e.from, RUNS)
            .map((r) => r.from)
            .filter(isCandidate)
        : [];
    for (const x of [...direct, ...viaInitiative]) themeLinks.set(x, [...(themeLinks.get(x) ?? []), e.type]);
  }
  const helpsStage = (x: string) => {
    const stageHops = (id: string) =>
      g
        .out(id, STAGE_LINKS)
        .filter((e) => g.entities.get(e.to)!.label === 'Stage' && (stageId === null || e.to === stageId));
    return stageHops(x).length > 0 || runs(x).some((r) => stageHops(r.to).length > 0);
  };
  const result = new Map<string, 'STATED' | 'NOT_STATED'>();
  for (const [x, types] of themeLinks) {
    if (helpsStage(x)) result.set(x, 'STATED');
    else if (types.some((t) => HELP_LINKS.includes(t))) result.set(x, 'NOT_STATED');
  }
  return result;
}

/** The ids of expectedSupporterEvidence. */
export function expectedSupporters(g: SeedGraph, themeIds: Set<string>, stageId: string | null): Set<string> {
  return new Set(expectedSupporterEvidence(g, themeIds, stageId).keys());
}

/** Shortest path length between two entities over relationships of `types` (all when null), ignoring direction. */
export function shortestDistance(
  g: SeedGraph,
  from: string,
  to: string,
  types: readonly string[] | null = null,
): number | null {
  const seen = new Map([[from, 0]]);
  let frontier = [from];
  const edges = types ? g.edges.filter((e) => types.includes(e.type)) : g.edges;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        const other = e.from === id ? e.to : e.to === id ? e.from : null;
        if (other !== null && !seen.has(other)) {
          seen.set(other, seen.get(id)! + 1);
          if (other === to) return seen.get(other)!;
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return null;
}
