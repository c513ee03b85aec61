import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db/Database';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';

/**
 * Every documented question (docs/queries/*.graphql) run against the seeded graph, and its answer
 * compared with the one its header states: what the five source documents in seed/documents say,
 * as a reader finds it there, never what the API returned when the check was written. Entities are
 * compared by their names (Swedish, English or an alias, case, diacritics and punctuation folded),
 * so that the checks do not depend on slugs. A failing question lists everything that is missing,
 * unexpected or wrong in its answer, so that curators see what the graph still lacks.
 */
let db: Database | undefined;
let server: TestServer | undefined;

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

/** The five source documents, as `Citation.document` names them. */
const DOC = {
  regionProfile: '000_aefb97ef1588826a.txt',
  firsAgenda: '001_d6471e39795ea83f.txt',
  innovationSkane: '002_18ae22799d8cc1a7.txt',
  regionStockholm: '003_bcd4a2651ff2b37e.txt',
  regionSkane: '004_973495c3b51c4fcc.txt',
} as const;

const docsQueries = path.join(__dirname, '..', '..', 'docs', 'queries');
const files = fs
  .readdirSync(docsQueries)
  .filter((f) => f.endsWith('.graphql'))
  .sort();
const queryText = (file: string) => fs.readFileSync(path.join(docsQueries, file), 'utf8');
const questionOf = (file: string) => /^# Question: (.+)$/m.exec(queryText(file))?.[1] ?? file;

// ---------------------------------------------------------------------------------------------
// Names

/**
 * A name as a reader compares it: lower case, without diacritics (å = a, ø = o), punctuation and
 * runs of spaces as one space: "Skåne" = "Skane", "MAX IV" = "max-iv", "Cell- och genterapier
 * (ATMP)" = "cell och genterapier atmp".
 */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Named {
  slug?: string;
  name: string;
  nameEn?: string | null;
  aliases?: string[] | null;
  __typename?: string;
  kind?: string | null;
}

const spellings = (e: Named) => [e.name, e.nameEn ?? '', ...(e.aliases ?? [])].filter((s) => s.length > 0).map(fold);

/** What an answer must hold, described by its names. */
interface Want {
  label: string;
  matches(e: Named): boolean;
}

/** An entity whose name, English name or an alias is one of `names`. */
function called(label: string, ...names: string[]): Want {
  const keys = names.map(fold);
  return { label, matches: (e) => spellings(e).some((s) => keys.includes(s)) };
}

/** An entity whose name, English name or an alias contains one of `phrases` (parts of words too). */
function about(label: string, ...phrases: string[]): Want {
  const keys = phrases.map(fold);
  return { label, matches: (e) => spellings(e).some((s) => keys.some((k) => s.includes(k))) };
}

/** An entity whose name, English name or an alias has one of `words` as a whole word ("AI", "5G"). */
function word(label: string, ...words: string[]): Want {
  const keys = words.map(fold);
  return { label, matches: (e) => spellings(e).some((s) => keys.some((k) => ` ${s} `.includes(` ${k} `))) };
}

function anyOf(label: string, ...wants: Want[]): Want {
  return { label, matches: (e) => wants.some((w) => w.matches(e)) };
}

/** One entity per slug (or name): an entity reached twice is one answer. */
function unique<T extends Named>(list: T[]): T[] {
  const seen = new Map<string, T>();
  for (const e of list) {
    const key = e.slug ?? fold(e.name);
    if (!seen.has(key)) seen.set(key, e);
  }
  return [...seen.values()];
}

const isKind = (e: Named, kind: string) => e.__typename === 'Priority' && fold(e.kind ?? '') === fold(kind);

// The entities several questions name.
const regionSkane = called('Region Skåne', 'Region Skåne');
const regionStockholm = called('Region Stockholm', 'Region Stockholm');
const eu = called('the EU', 'EU', 'Europeiska unionen', 'European Union');
const erdf = called(
  'the European Regional Development Fund',
  'ERDF',
  'ERUF',
  'European Regional Development Fund',
  'Europeiska regionala utvecklingsfonden',
);
const interregEurope = called('Interreg Europe', 'Interreg Europe');
const lundUniversity = called('Lund University', 'Lunds universitet', 'Lund University');
const malmoUniversity = called('Malmö University', 'Malmö universitet', 'Malmö University', 'MAU');
const luInnovation = called('LU Innovation', 'LU Innovation');
const luVentures = called('LU Ventures', 'LU Ventures');
const path2Patient = called('Path2Patient', 'Path2Patient');
const investInSkane = called('Invest in Skåne', 'Invest in Skåne');
const medeon = called('Medeon Science Park', 'Medeon', 'Medeon Science Park');
const mva = called('Medicon Valley Alliance', 'Medicon Valley Alliance', 'MVA');
const maxIv = called('MAX IV', 'MAX IV', 'MAX IV Laboratory');
const ess = called('ESS', 'ESS', 'European Spallation Source');
const sciLifeLab = called('SciLifeLab', 'SciLifeLab', 'SciLifeLab i Lund', 'Science for Life Laboratory');
const preGmp: Want = {
  label: "Lund University's pre-GMP facility",
  matches: (e) => spellings(e).some((s) => /(^| )pre ?gmp/.test(s)),
};
const atmpCentre: Want = {
  label: "Region Skåne's ATMP centre and its GMP facility",
  matches: (e) =>
    spellings(e).some(
      (s) => (/atmp (centrum|centre|center)/.test(s) || /(^| )gmp( |$)/.test(s)) && !/pre ?gmp/.test(s),
    ),
};
const lundModel = about('the Lund model', 'lundamodellen', 'lund model');
const atmp = about('ATMP', 'atmp', 'cell och genterapi', 'cell and gene therap');
const precisionMedicine = about('precision medicine', 'precisionsmedicin', 'precision medicine');
const precisionMedicineCentreSouth = about(
  'Precision Medicine Centre South',
  'precisionsmedicinskt centrum syd',
  'precision medicine centre south',
);
const rampUp = called('RAMP-UP', 'RAMP-UP');
const atmpDoctoralProgramme = about(
  'the national doctoral programme in ATMP',
  'doktorandprogram',
  'doctoral programme',
);
const icpermed = called('ICPerMed', 'ICPerMed', 'International Consortium for Personalised Medicine');
const genomicMedicineSweden = called('Genomic Medicine Sweden', 'Genomic Medicine Sweden');
const swedishStrategy = about(
  'the Swedish life-science strategy',
  'svenska life science strategi',
  'swedish national life science strategy',
  'swedish life science strategy',
);
const danishStrategy = about(
  'the Danish life-science strategy',
  'danska life science strategi',
  'danish national life science strategy',
  'danish life science strategy',
);
const euStrategy = about('the EU life-science strategy', 'eu s strategi for life science', 'eu life science strategy');

/** The focus areas of each FIRS priority, as the headings under it name them. */
const firsPriorities = [
  {
    priority: about(
      'priority 1 (attractive place for life-science companies)',
      'attraktiva platser',
      'most attractive',
    ),
    focusAreas: [
      about('commercialisation of research', 'kommersialisering', 'commercialis', 'commercializ'),
      about('a destination for venture capital and investment', 'riskkapital', 'venture capital', 'destination'),
      about('financing models', 'finansieringsmodell', 'financing model', 'funding model'),
    ],
  },
  {
    priority: about('priority 2 (a coherent value chain)', 'vardekedja', 'value chain'),
    focusAreas: [
      about('strong local research environments', 'forskningsmiljo', 'research environment'),
      about('more and better clinical drug trials', 'provningar', 'clinical trial', 'drug trial'),
      about('implementation of innovations', 'implement'),
      about('more use of research infrastructures', 'forskningsinfrastruktur', 'research infrastructure'),
    ],
  },
  {
    priority: about('priority 3 (precision prevention)', 'precisionsprevention', 'precision prevention'),
    focusAreas: [
      about('precision prevention in practice', 'i praktiken', 'in practice'),
      about('new economic incentives for prevention', 'incitament', 'incentive'),
    ],
  },
  {
    priority: about('priority 4 (competence supply)', 'kompetensforsorjning', 'competence supply', 'skills supply'),
    focusAreas: [
      about('attract and keep international talent', 'talang', 'talent'),
      about('mobility and lifelong learning', 'rorlighet', 'livslang', 'lifelong'),
      about('a future-proof education system', 'utbildningssystem', 'education system'),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Answers

interface Citation {
  document: string;
  quote: string;
}

/** A folded quote contains a folded phrase: the document's own spelling, whitespace aside. */
const quotes = (sources: Citation[] | undefined, phrase: string) =>
  (sources ?? []).some((s) => fold(s.quote).includes(fold(phrase)));
const cites = (sources: Citation[] | undefined, document: string) =>
  (sources ?? []).some((s) => s.document === document);
const isPercent = (unit: string) => ['percent', 'procent', '%'].includes(unit.toLowerCase());

/** Collects what is wrong with one answer, so that a failure lists all of it at once. */
class Answer {
  readonly problems: string[] = [];

  that(what: string, ok: boolean, found?: unknown): void {
    if (!ok) this.problems.push(found === undefined ? what : `${what} (found: ${JSON.stringify(found)})`);
  }

  /** Every wanted entity is among `got`, and nothing is there that no want or allowance names. */
  exactly(what: string, got: Named[], wants: Want[], allowed: Want[] = []): void {
    this.includes(what, got, wants);
    for (const e of unique(got))
      if (![...wants, ...allowed].some((w) => w.matches(e))) this.problems.push(`${what}: unexpected ${e.name}`);
  }

  includes(what: string, got: Named[], wants: Want[]): void {
    const entities = unique(got);
    for (const w of wants) if (!entities.some((e) => w.matches(e))) this.problems.push(`${what}: missing ${w.label}`);
  }

  excludes(what: string, got: Named[], unwanted: Want[]): void {
    for (const e of unique(got))
      for (const w of unwanted) if (w.matches(e)) this.problems.push(`${what}: should not hold ${e.name} (${w.label})`);
  }

  /** Exactly one entity per want, and no other: a list of a known length. */
  oneEach(what: string, got: Named[], wants: Want[]): void {
    const entities = unique(got);
    for (const w of wants) {
      const hits = entities.filter((e) => w.matches(e));
      if (hits.length === 0) this.problems.push(`${what}: missing ${w.label}`);
      if (hits.length > 1)
        this.problems.push(`${what}: ${w.label} is ${hits.length} entities: ${hits.map((e) => e.name).join(' | ')}`);
    }
    for (const e of entities) if (!wants.some((w) => w.matches(e))) this.problems.push(`${what}: unexpected ${e.name}`);
  }

  cites(what: string, sources: Citation[] | undefined, document: string): void {
    this.that(
      `${what} cites ${document}`,
      cites(sources, document),
      (sources ?? []).map((s) => s.document),
    );
  }
}

type Check = (data: any, answer: Answer) => void;

/** `edges` of a connection, [] when the entity or connection is missing. */
const edgesOf = (connection: any): any[] => connection?.edges ?? [];
const nodesOf = (connection: any): Named[] => edgesOf(connection).map((e) => e.node);
const ofType = (connection: any, ...types: string[]): any[] =>
  edgesOf(connection).filter((e) => types.includes(e.type));

const checks: Record<string, Check> = {
  'who-supports-atmp-startups.graphql': (data, a) => {
    const edges: any[] = data.supporters.edges;
    a.exactly(
      'supporters of ATMP startups',
      edges.map((e) => e.node),
      [luInnovation, luVentures, path2Patient, preGmp, atmpCentre, lundModel, investInSkane, regionSkane],
      // Also tied to ATMP companies by the agenda: the EU co-funds Path2Patient, the pre-GMP facility
      // is Lund University's, and Skåne University Hospital's ATMP centre is the way into clinical trials.
      [
        eu,
        lundUniversity,
        called('Skåne University Hospital', 'Skånes universitetssjukhus', 'Skåne University Hospital'),
      ],
    );
    const order = edges.map((e) => e.stageEvidence);
    a.that(
      'supporters with stated stage evidence come first',
      JSON.stringify(order) ===
        JSON.stringify([...order.filter((s) => s === 'STATED'), ...order.filter((s) => s !== 'STATED')]),
      order,
    );
    for (const e of edges) {
      a.that(`${e.node.name} has evidence`, e.evidence.length > 0);
      for (const p of e.evidence)
        for (const hop of p.hops)
          a.that(
            `${e.node.name}: the hop ${hop.from.name} ${hop.type} ${hop.to.name} is quoted`,
            hop.sources.length > 0,
          );
    }
  },

  'what-does-lund-university-take-part-in.graphql': (data, a) => {
    const rels = data.entity.relationships;
    a.includes(
      'what Lund University runs',
      ofType(rels, 'OPERATES', 'LEADS').map((e) => e.node),
      [atmpDoctoralProgramme, rampUp],
    );
    a.includes('what Lund University takes part in', nodesOf(rels), [precisionMedicineCentreSouth]);
    for (const e of edgesOf(rels)) a.that(`${e.type} ${e.node.name} is quoted`, e.sources.length > 0);
  },

  'how-is-medicon-village-connected-to-region-skane.graphql': (data, a) => {
    const paths: any[] = data.paths;
    a.that('there is a path from Medicon Village to Region Skåne', paths.length > 0);
    for (const p of paths) {
      const names = p.nodes.map((n: Named) => n.name);
      a.that('a path starts at Medicon Village', fold(names[0] ?? '') === fold('Medicon Village'), names);
      a.that('a path ends at Region Skåne', fold(names.at(-1) ?? '') === fold('Region Skåne'), names);
      a.that('a path has at most four hops', p.length <= 4 && p.hops.length === p.length, p.length);
      for (const hop of p.hops)
        a.that(`the hop ${hop.from.name} ${hop.type} ${hop.to.name} is quoted`, hop.sources.length > 0);
    }
  },

  'which-infrastructures-serve-structural-biology.graphql': (data, a) => {
    a.oneEach('infrastructures for structural biology', data.actors.nodes, [maxIv, ess, sciLifeLab]);
    a.that('totalCount counts the three', data.actors.totalCount === 3, data.actors.totalCount);
  },

  'which-initiatives-are-eu-funded.graphql': (data, a) => {
    const initiatives: any[] = data.initiatives.nodes;
    a.exactly(
      'EU-funded initiatives',
      initiatives,
      [
        called('Cohes3ion', 'Cohes3ion'),
        path2Patient,
        about(
          'the Horizon 2020 project behind the region profile (SAPHIRe)',
          'saphire',
          '825046',
          'personalised health in regions',
        ),
        called('Sthlm Scale up', 'Sthlm Scale up'),
        called('Sthlm Life Tech', 'Sthlm Life Tech'),
        called('Fordonsdalen', 'Fordonsdalen'),
      ],
      [
        interregEurope,
        called('Horizon 2020', 'Horizon 2020'),
        about("Stockholm's regional fund programmes", 'regionalfondsprogram', 'regional fund'),
      ],
    );
    for (const i of initiatives)
      a.that(
        `the funding of ${i.name} is quoted`,
        edgesOf(i.relationships).some((e) => e.sources.length > 0),
      );
  },

  'who-owns-innovation-skane.graphql': (data, a) => {
    const owners = data.actor.ownedBy;
    a.exactly('owners of Innovation Skåne', nodesOf(owners), [regionSkane]);
    for (const e of edgesOf(owners)) a.cites(`${e.node.name} OWNS Innovation Skåne`, e.sources, DOC.innovationSkane);
    a.includes('funders of Innovation Skåne (core funding)', nodesOf(data.actor.fundedBy), [regionSkane]);
  },

  'who-runs-business-track.graphql': (data, a) => {
    const rels = data.entity.relationships;
    a.oneEach('who runs Business Track', nodesOf(rels), [luInnovation, luVentures]);
    for (const e of edgesOf(rels)) a.cites(`${e.node.name} ${e.type} Business Track`, e.sources, DOC.firsAgenda);
  },

  'who-arranges-medtech-summit.graphql': (data, a) => {
    const rels = data.entity.relationships;
    const biostock = called('BioStock', 'BioStock');
    a.oneEach(
      'arrangers of Medtech Summit',
      ofType(rels, 'ARRANGES')
        .map((e) => e.node)
        .filter((n: Named) => !biostock.matches(n)),
      [medeon, mva],
    );
    const biostockEdges = edgesOf(rels).filter((e) => biostock.matches(e.node));
    a.that('BioStock takes part in Medtech Summit', biostockEdges.length > 0);
    a.that(
      'BioStock is a partner of the arrangers, not an arranger',
      biostockEdges.every((e) => e.type !== 'ARRANGES' || /collaborat|samarbet|partner/.test(fold(e.role ?? ''))),
      biostockEdges.map((e) => [e.type, e.role]),
    );
    for (const e of ofType(rels, 'ARRANGES'))
      a.cites(`${e.node.name} ARRANGES Medtech Summit`, e.sources, DOC.firsAgenda);
  },

  'who-are-the-partners-of-cohes3ion.graphql': (data, a) => {
    const country = (sv: string, en: string) => called(en, sv, en);
    const partners: [Want, Want][] = [
      [called('BEAZ', 'BEAZ'), country('Spanien', 'Spain')],
      [called('Azaro Fundazioa', 'Azaro Fundazioa', 'Azaro Foundation'), country('Spanien', 'Spain')],
      [about('Orkestra', 'orkestra'), country('Spanien', 'Spain')],
      [called('Southern Regional Assembly', 'Southern Regional Assembly'), country('Irland', 'Ireland')],
      [called('Calabria Region', 'Calabria Region', 'Regione Calabria'), country('Italien', 'Italy')],
      [
        about('North-West Regional Development Agency', 'north west regional development agency', 'nord vest'),
        country('Rumänien', 'Romania'),
      ],
      [about('Business Metropole Ruhr GmbH', 'business metropole ruhr'), country('Tyskland', 'Germany')],
      [regionStockholm, country('Sverige', 'Sweden')],
      [about('Mazowieckie Voivodeship', 'mazowieckie', 'masovian'), country('Polen', 'Poland')],
      [
        called('Welsh Government', 'Welsh Government', 'Llywodraeth Cymru'),
        country('Storbritannien', 'United Kingdom'),
      ],
    ];
    const nodes: any[] = nodesOf(data.entity.relationships);
    a.oneEach(
      'partners of Cohes3ion',
      nodes,
      partners.map(([p]) => p),
    );
    const places = (n: any): Named[] =>
      (n.locatedIn?.nodes ?? []).flatMap((r: any) => [
        r,
        ...(r.partOf?.nodes ?? []).flatMap((s: any) => [s, ...(s.partOf?.nodes ?? [])]),
      ]);
    for (const [partner, land] of partners) {
      const node = unique(nodes).find((n) => partner.matches(n));
      if (node)
        a.that(
          `${partner.label} is located in ${land.label}`,
          places(node).some((r) => land.matches(r)),
          places(node).map((r) => r.name),
        );
    }
    for (const e of edgesOf(data.entity.relationships))
      a.cites(`${e.node.name} ${e.type} Cohes3ion`, e.sources, DOC.regionStockholm);
  },

  'what-is-the-budget-of-cohes3ion.graphql': (data, a) => {
    const e = data.entity;
    const eur = (unit: string | null | undefined) => ['eur', 'euro'].includes((unit ?? '').toLowerCase());
    const budget = e.figures.filter((f: any) => eur(f.unit) && f.value >= 1_800_000 && f.value <= 1_900_000);
    a.that(
      'a budget of just under EUR 1.9 million',
      budget.length > 0,
      e.figures.map((f: any) => [f.metric, f.value, f.unit]),
    );
    for (const f of budget) a.cites('the budget', f.sources, DOC.regionStockholm);
    const nearly16 = (v: number | null | undefined) => typeof v === 'number' && v >= 1_500_000 && v <= 1_600_000;
    const funders: any[] = edgesOf(e.funders);
    const erdfMoney = [
      ...funders
        .filter((x) => eur(x.currency) && nearly16(x.amount))
        .map((x) => ({
          period: `${x.validFrom ?? ''} ${x.validTo ?? ''}`,
          sources: x.sources as Citation[],
          from: x.node as Named,
        })),
      ...e.figures
        .filter((f: any) => eur(f.unit) && nearly16(f.value))
        .map((f: any) => ({
          period: `${f.date ?? ''} ${f.note ?? ''}`,
          sources: f.sources as Citation[],
          from: undefined,
        })),
    ];
    a.that('nearly EUR 1.6 million of ERDF money', erdfMoney.length > 0);
    a.that(
      'the ERDF money is for 2019–2022',
      erdfMoney.some((m) => (/2019/.test(m.period) && /2022/.test(m.period)) || quotes(m.sources, '2019–2022')),
      erdfMoney.map((m) => m.period),
    );
    a.that(
      'the money comes from the European Regional Development Fund',
      funders.some((x) => erdf.matches(x.node)) || erdfMoney.some((m) => quotes(m.sources, 'ERUF')),
      funders.map((x) => x.node.name),
    );
    a.includes('funded through Interreg Europe', [...nodesOf(e.funders), ...nodesOf(e.programmes)], [interregEurope]);
  },

  'what-are-the-thematic-objectives-of-stockholms-regional-fund-programme.graphql': (data, a) => {
    const e = data.entity;
    const linked: any[] = nodesOf(e.relationships);
    const objectives = linked.filter((n) => isKind(n, 'thematic_objective'));
    const wanted = [
      {
        want: about(
          'research, technological development and innovation',
          'teknisk utveckling',
          'technological development',
        ),
        phrase: 'teknisk utveckling',
        share: 45,
      },
      {
        want: about('competitiveness of small and medium-sized enterprises', 'sma och medelstora', 'small and medium'),
        phrase: 'små och medelstora',
        share: 40,
      },
      { want: about('a low-carbon economy', 'koldioxidsnal', 'low carbon'), phrase: 'koldioxidsnål', share: 15 },
    ];
    a.oneEach(
      'thematic objectives',
      objectives,
      wanted.map((w) => w.want),
    );
    for (const w of wanted) {
      const objective: any = unique(objectives).find((n) => w.want.matches(n));
      const shares = [
        ...(objective?.figures ?? []).filter((f: any) => isPercent(f.unit)),
        ...e.figures.filter((f: any) => isPercent(f.unit) && quotes(f.sources, w.phrase)),
      ];
      a.that(
        `${w.want.label} gets ${w.share} % of the EU funds`,
        shares.some((f: any) => f.value === w.share),
        shares.map((f: any) => f.value),
      );
    }
    a.includes('the overall goal', linked, [
      about('sustainable urban development', 'hallbar stadsutveckling', 'sustainable urban development'),
    ]);
  },

  'how-much-eu-money-did-stockholms-regional-fund-programme-have.graphql': (data, a) => {
    const e = data.entity;
    const sek = [
      ...e.figures
        .filter((f: any) => f.unit === 'SEK')
        .map((f: any) => ({ value: f.value as number, sources: f.sources as Citation[] })),
      ...edgesOf(e.funders)
        .filter((x) => x.currency === 'SEK')
        .map((x) => ({ value: x.amount as number, sources: x.sources as Citation[] })),
    ];
    const euMoney = sek.filter((m) => m.value >= 300_000_000 && m.value < 350_000_000);
    a.that(
      'just over SEK 300 million of EU financing',
      euMoney.length > 0,
      sek.map((m) => m.value),
    );
    for (const m of euMoney) a.cites('the EU financing', m.sources, DOC.regionStockholm);
    a.that(
      'projects co-financed with at least 50 percent',
      e.figures.some((f: any) => isPercent(f.unit) && f.value === 50 && quotes(f.sources, 'minst 50 procent')),
      e.figures.map((f: any) => [f.metric, f.value, f.unit]),
    );
    a.includes('the funder', nodesOf(e.funders), [anyOf('the ERDF or the EU', erdf, eu)]);
  },

  'how-many-people-work-in-life-science-in-skane.graphql': (data, a) => {
    const figures: any[] = data.entity.figures;
    const employees = figures.filter((f) => /employ|anstall/.test(fold(f.metric)));
    a.that(
      'two figures for life-science employees: 6 700 and about 7 000',
      JSON.stringify(employees.map((f) => f.value).sort()) === '[6700,7000]',
      employees.map((f) => f.value),
    );
    const regionPage = employees.find((f) => f.value === 6700);
    const agenda = employees.find((f) => f.value === 7000);
    for (const [f, doc, quote] of [
      [regionPage, DOC.regionSkane, '6 700 anställda'],
      [agenda, DOC.firsAgenda, 'Ca 7000 anstillda i Skane'],
    ] as const) {
      if (!f) continue;
      a.that(`${f.value} is counted in persons`, f.unit === 'persons', f.unit);
      a.cites(`${f.value} employees`, f.sources, doc);
      a.that(`${f.value} employees quotes "${quote}"`, quotes(f.sources, quote), f.sources);
      a.that(`${f.value} employees is stated by its document`, f.basis === 'STATED', f.basis);
    }
    a.that(
      '16 percent of Swedish life science (Region Skåne page)',
      figures.some((f) => isPercent(f.unit) && f.value === 16 && cites(f.sources, DOC.regionSkane)),
      figures.map((f) => [f.metric, f.value, f.unit]),
    );
  },

  'how-many-people-work-in-life-science-in-medicon-valley.graphql': (data, a) => {
    const mv: any[] = data.mediconValley.figures;
    const gc: any[] = data.greaterCopenhagen.figures;
    const employees = (fs: any[]) => fs.filter((f) => /employ|anstall/.test(fold(f.metric)));
    const mvEmployees = employees(mv).filter((f) => f.value === 85000 && f.unit === 'persons');
    a.that(
      'about 85 000 life-science employees in Medicon Valley',
      mvEmployees.length > 0,
      employees(mv).map((f) => [f.value, f.unit]),
    );
    for (const f of mvEmployees) a.cites('85 000 employees', f.sources, DOC.firsAgenda);
    const universities = mv.filter((f) => /universit/.test(fold(f.metric)) && f.value === 9);
    a.that(
      'nine universities in Medicon Valley',
      universities.length > 0,
      mv.map((f) => [f.metric, f.value]),
    );
    for (const f of universities) a.cites('nine universities', f.sources, DOC.firsAgenda);
    const gcEmployees = employees(gc).filter((f) => f.value === 50000 && f.unit === 'persons');
    a.that(
      'over 50 000 life-science employees in Greater Copenhagen',
      gcEmployees.length > 0,
      employees(gc).map((f) => [f.value, f.unit]),
    );
    for (const f of gcEmployees) {
      a.cites('over 50 000 employees', f.sources, DOC.regionSkane);
      a.that(
        'the 50 000 is "over 50 000"',
        quotes(f.sources, 'över 50 000') || /over|över|more than/.test(f.note ?? ''),
        [f.note, f.sources],
      );
    }
  },

  'what-are-the-priorities-of-the-firs-agenda-and-their-focus-areas.graphql': (data, a) => {
    const priorities: any[] = nodesOf(data.entity.priorities).filter((n) => isKind(n, 'priority'));
    a.oneEach(
      'priorities of the FIRS agenda',
      priorities,
      firsPriorities.map((p) => p.priority),
    );
    for (const { priority, focusAreas } of firsPriorities) {
      const node: any = unique(priorities).find((n) => priority.matches(n));
      if (!node) continue;
      const areas = nodesOf(node.focusAreas);
      a.oneEach(
        `focus areas of ${priority.label}`,
        areas.filter((n) => isKind(n, 'focus_area')),
        focusAreas,
      );
      a.that(
        `every focus area of ${priority.label} is of kind focus_area`,
        areas.every((n) => isKind(n, 'focus_area')),
        areas.map((n) => [n.name, n.kind]),
      );
    }
  },

  'what-are-the-focus-areas-of-firs-priority-1.graphql': (data, a) => {
    const e = data.entity;
    a.that('priority 1 is a priority', isKind(e, 'priority'), e.kind);
    const areas = nodesOf(e.relationships);
    a.oneEach(
      'focus areas of priority 1',
      areas.filter((n) => isKind(n, 'focus_area')),
      firsPriorities[0]!.focusAreas,
    );
    for (const edge of edgesOf(e.relationships))
      a.cites(`the focus area ${edge.node.name}`, edge.sources, DOC.firsAgenda);
  },

  'what-are-the-specialisation-areas-of-skanes-innovation-strategy.graphql': (data, a) => {
    const e = data.entity;
    a.oneEach(
      'specialisation areas',
      nodesOf(e.areas).filter((n) => isKind(n, 'specialisation_area')),
      [
        called('Tech', 'Tech'),
        about('Life science and health', 'life science'),
        called('Food', 'Livsmedel', 'Food'),
        about('Advanced materials and manufacturing', 'avancerade material', 'advanced materials'),
        about('Smart sustainable cities', 'smarta hallbara stader', 'smart sustainable cities'),
        about('ESS/MAX IV with the Science Village innovation system', 'ess max iv', 'science village'),
      ],
    );
    a.exactly('who adopted the strategy', nodesOf(e.adoptedBy), [
      called('FIRS', 'FIRS', 'Skånes Forsknings- och innovationsråd', 'Skåne Research and Innovation Council'),
    ]);
    a.that('adopted in 2019', e.year === 2019, e.year);
  },

  'what-are-the-strategic-areas-of-region-stockholms-life-science-strategy.graphql': (data, a) => {
    const linked = nodesOf(data.entity.relationships);
    a.oneEach(
      'strategic development areas',
      linked.filter((n) => isKind(n, 'strategic_area')),
      [
        about('world-leading access to structured health data', 'halsodata', 'health data'),
        about(
          'health and social care open to collaboration',
          'tillganglig for samverkan',
          'collaboration with research',
        ),
        about('precision medicine for patients and citizens', 'precisionsmedicin', 'precision medicine'),
        about('interdisciplinary collaboration', 'tvarvetenskaplig', 'interdisciplinary'),
        about('life-science companies grow in the Stockholm region', 'life science foretag', 'life science companies'),
      ],
    );
    a.includes(
      'the goal',
      linked.filter((n) => isKind(n, 'goal')),
      [
        about(
          "one of the world's leading life-science regions",
          'framsta life science regioner',
          'leading life science regions',
          'fem ledande forskningsregioner',
        ),
      ],
    );
  },

  'what-are-innovation-skanes-innovation-areas.graphql': (data, a) => {
    const edges = edgesOf(data.entity.relationships);
    const areas = [
      ...ofType(data.entity.relationships, 'PRIORITISES').map((e) => e.node),
      ...edges.filter((e) => e.type === 'PUBLISHES').flatMap((e) => e.node.relationships?.nodes ?? []),
    ].filter((n: Named) => n.__typename === 'Priority');
    // Whole words: an area may be named "Innovation Skånes innovationsområde Hälsa".
    a.oneEach("Innovation Skåne's innovation areas", areas, [
      word('Health', 'hälsa', 'health'),
      word('Mobility', 'mobilitet', 'mobility'),
      anyOf('AI', word('AI', 'ai'), about('AI', 'artificial intelligence', 'artificiell intelligens')),
    ]);
  },

  'which-infrastructures-does-the-firs-agenda-want-used-more.graphql': (data, a) => {
    const e = data.entity;
    const priorities: any[] = e.priorities?.nodes ?? [];
    const uses = [
      ...edgesOf(e.uses),
      ...priorities.flatMap((p) => [
        ...edgesOf(p.uses),
        ...(p.focusAreas?.nodes ?? []).flatMap((f: any) => edgesOf(f.uses)),
      ]),
    ];
    a.exactly(
      'infrastructures the agenda wants used more',
      uses.map((u) => u.node),
      [ess, maxIv, sciLifeLab, preGmp, atmpCentre],
    );
    for (const u of uses) a.cites(`USES ${u.node.name}`, u.sources, DOC.firsAgenda);
  },

  'how-is-lu-ventures-connected-to-atmp.graphql': (data, a) => {
    const paths: any[] = data.paths;
    a.that('LU Ventures is connected to ATMP', paths.length > 0);
    for (const p of paths) {
      a.that('a path starts at LU Ventures', luVentures.matches(p.nodes[0] ?? { name: '' }), p.nodes[0]?.name);
      a.that('a path ends at ATMP', atmp.matches(p.nodes.at(-1) ?? { name: '' }), p.nodes.at(-1)?.name);
      a.that(
        'the shortest paths have two hops',
        p.length === 2,
        p.nodes.map((n: Named) => n.name),
      );
    }
    const viaPath2Patient = paths.find((p) => p.length === 2 && path2Patient.matches(p.nodes[1]));
    a.that(
      'a path goes LU Ventures → Path2Patient → ATMP',
      viaPath2Patient !== undefined,
      paths.map((p) => p.nodes.map((n: Named) => n.name)),
    );
    if (viaPath2Patient) {
      const [started] = viaPath2Patient.hops;
      a.that('LU Ventures INITIATES Path2Patient', started.type === 'INITIATES' && luVentures.matches(started.from), [
        started.from.name,
        started.type,
        started.to.name,
      ]);
      for (const hop of viaPath2Patient.hops) {
        a.cites(`the hop ${hop.from.name} ${hop.type} ${hop.to.name}`, hop.sources, DOC.firsAgenda);
        a.that(
          `the hop ${hop.from.name} ${hop.type} ${hop.to.name} is not inferred`,
          hop.basis === 'STATED' || hop.basis === 'IMPLIED',
          hop.basis,
        );
      }
    }
  },

  'is-sydsverige-a-member-of-icpermed.graphql': (data, a) => {
    const rels = edgesOf(data.region.relationships);
    const denial = rels.filter((e) => e.type === 'NOT_MEMBER_OF' && icpermed.matches(e.node));
    a.that('a stated no: Sydsverige NOT_MEMBER_OF ICPerMed', denial.length === 1, denial.length);
    for (const e of denial) {
      a.that('the no is negated', e.negated === true);
      a.that('the no quotes "Member ICPerMed? no"', quotes(e.sources, 'Member ICPerMed? no'), e.sources);
      a.that('the no is stated', e.basis === 'STATED', e.basis);
      a.cites('the no', e.sources, DOC.regionProfile);
    }
    const viaGms = (e: any) => /genomic medicine sweden|(^| )gms( |$)/.test(fold(e.role ?? ''));
    const withRole = rels.filter((e) => e.type !== 'NOT_MEMBER_OF' && icpermed.matches(e.node) && viaGms(e));
    const toGms = rels.filter((e) => genomicMedicineSweden.matches(e.node));
    const gmsInIcpermed = edgesOf(data.genomicMedicineSweden?.relationships).filter((e) => icpermed.matches(e.node));
    a.that(
      'Sydsverige takes part in ICPerMed via Genomic Medicine Sweden',
      withRole.length > 0 || (toGms.length > 0 && gmsInIcpermed.length > 0),
      {
        withRole: withRole.length,
        toGms: toGms.length,
        gmsInIcpermed: gmsInIcpermed.length,
      },
    );
    a.that(
      'the participation quotes "ICPerMed via Genomic Medicine Sweden"',
      [...withRole, ...toGms, ...gmsInIcpermed].some((e) => quotes(e.sources, 'ICPerMed via Genomic Medicine Sweden')),
    );
    const plainMembership = rels.filter((e) => e.type === 'MEMBER_OF' && icpermed.matches(e.node) && !viaGms(e));
    a.that(
      'no membership of ICPerMed without its "via Genomic Medicine Sweden"',
      plainMembership.length === 0,
      plainMembership.map((e) => e.role),
    );
  },

  'is-sydsverige-in-the-vanguard-initiative-or-the-baltic-sea-macro-region.graphql': (data, a) => {
    a.that('Vanguard Initiative: NO', data.vanguard.answer === 'NO', data.vanguard.answer);
    a.that(
      'the no quotes "Vanguard Initiative? no"',
      quotes(data.vanguard.sources, 'Vanguard Initiative? no'),
      data.vanguard.sources,
    );
    a.cites('the Vanguard Initiative answer', data.vanguard.sources, DOC.regionProfile);
    const baltic = [data.balticSea, data.balticSeaPartOf];
    a.that(
      'Baltic Sea macro-region: YES',
      baltic.some((f) => f.answer === 'YES'),
      baltic.map((f) => f.answer),
    );
    a.that(
      'and never NO',
      baltic.every((f) => f.answer !== 'NO'),
      baltic.map((f) => f.answer),
    );
    a.that(
      'the yes quotes "Baltic Sea MacroRegion? yes"',
      baltic.some((f) => f.answer === 'YES' && quotes(f.sources, 'Baltic Sea MacroRegion? yes')),
    );
  },

  'which-memberships-does-the-region-profile-record-for-sydsverige.graphql': (data, a) => {
    const of = (holder: any) => edgesOf(holder?.relationships);
    const sydsverige = of(data.sydsverige);
    const yes = (e: any) => ['MEMBER_OF', 'PART_OF'].includes(e.type) && !e.negated;
    const roleSays = (e: any, pattern: RegExp) => pattern.test(fold(e.role ?? ''));
    const members: { want: Want; found: (w: Want) => any[] }[] = [
      {
        want: about('the Baltic Sea macro-region', 'baltic sea', 'ostersjo'),
        found: (w) => sydsverige.filter((e) => yes(e) && w.matches(e.node)),
      },
      {
        want: called('the Council of European BioRegions (CEBR)', 'CEBR', 'Council of European BioRegions'),
        found: (w) => sydsverige.filter((e) => yes(e) && w.matches(e.node)),
      },
      {
        want: called('ERRIN', 'ERRIN', 'European Regions Research and Innovation Network'),
        found: (w) => sydsverige.filter((e) => yes(e) && w.matches(e.node)),
      },
      {
        want: called('Euregha, through Skåne län', 'Euregha', 'European Regional and Local Health Authorities'),
        found: (w) => [
          ...sydsverige.filter((e) => yes(e) && w.matches(e.node) && roleSays(e, /skane|county|lan/)),
          ...of(data.skane).filter((e) => yes(e) && w.matches(e.node)),
        ],
      },
      {
        want: about('the 1+ Million Genomes initiative, at country level', 'million genomes', '1m genome'),
        found: (w) => [
          ...sydsverige.filter((e) => yes(e) && w.matches(e.node) && roleSays(e, /country|national|land/)),
          ...of(data.sweden).filter((e) => yes(e) && w.matches(e.node)),
        ],
      },
    ];
    for (const { want, found } of members) {
      const edges = found(want);
      a.that(`member of ${want.label}`, edges.length > 0);
      if (edges.length > 0)
        a.that(
          `the membership of ${want.label} cites the region profile`,
          edges.some((e) => cites(e.sources, DOC.regionProfile)),
        );
    }
    const notMember = [
      icpermed,
      about('the Adriatic-Ionian macro-region', 'adriatic'),
      about('InnoStars', 'innostars'),
      about('the Northern Sparsely Populated Areas (NSPA)', 'sparsely populated', 'nspa'),
      called('S3MedTech', 'S3MedTech'),
      about('the Danube macro-region', 'danube'),
      about(
        'S3P4PM',
        's3p4pm',
        's3 partnership on personalised medicine',
        's3p on personalised medicine',
        'smart specialisation partnership on personalised medicine',
      ),
      about('the Alpine macro-region', 'alpine'),
      about('Regions4PerMed', 'regions4pm', 'regions4permed'),
      about('S3ClusSport', 's3clussport'),
      about('Central Europe', 'central europe'),
      about('MedTech4Europe', 'medtech4europe'),
      about('the Vanguard Initiative', 'vanguard'),
      about('ERA PerMed', 'erapermed', 'era permed'),
    ];
    for (const want of notMember) {
      const denial = sydsverige.filter((e) => e.type === 'NOT_MEMBER_OF' && want.matches(e.node));
      a.that(
        `a stated no: not a member of ${want.label}`,
        denial.length > 0 && denial.every((e) => e.negated === true),
      );
      if (denial.length > 0)
        a.that(
          `the no for ${want.label} cites the region profile`,
          denial.some((e) => cites(e.sources, DOC.regionProfile)),
        );
      const contradiction = sydsverige.filter(
        (e) => e.type === 'MEMBER_OF' && want.matches(e.node) && !roleSays(e, /genomic medicine sweden/),
      );
      a.that(
        `no plain membership of ${want.label}`,
        contradiction.length === 0,
        contradiction.map((e) => e.role),
      );
    }
    for (const { want } of members) {
      const contradiction = sydsverige.filter((e) => e.type === 'NOT_MEMBER_OF' && want.matches(e.node));
      a.that(`no "not a member" of ${want.label}`, contradiction.length === 0);
    }
  },

  'what-do-the-documents-say-about-precision-medicine.graphql': (data, a) => {
    const e = data.entity;
    const edges = edgesOf(e.relationships);
    a.that('all its relationships fit on the page', e.relationships.totalCount <= 100, e.relationships.totalCount);
    const documents = new Set([...e.sources, ...edges.flatMap((x) => x.sources)].map((s: Citation) => s.document));
    for (const doc of [DOC.regionProfile, DOC.firsAgenda, DOC.regionStockholm])
      a.that(`precision medicine is cited from ${doc}`, documents.has(doc), [...documents]);
    a.that("Innovation Skåne's page says nothing about precision medicine", !documents.has(DOC.innovationSkane));
    a.includes(
      'what is related to precision medicine',
      edges.map((x) => x.node),
      [
        about(
          'the S3 partnership on personalised medicine',
          's3p',
          's3 partnership',
          'smart specialisation partnership on personalised medicine',
        ),
        precisionMedicineCentreSouth,
        sciLifeLab,
        about(
          "Region Stockholm's strategic area on precision medicine",
          'hogupplost diagnostik',
          'high resolution diagnostics',
        ),
        swedishStrategy,
        danishStrategy,
        euStrategy,
      ],
    );
  },

  'who-appears-in-more-than-one-document.graphql': (data, a) => {
    const nodes: any[] = data.graph.nodes;
    const documents = new Map<string, Set<string>>(
      nodes.map((n) => [n.entityId, new Set<string>(n.entity.sources.map((s: Citation) => s.document))]),
    );
    for (const edge of data.graph.edges) {
      for (const end of [edge.source, edge.target]) for (const s of edge.sources) documents.get(end)?.add(s.document);
    }
    const entities = nodes.map((n) => ({
      named: {
        slug: n.attributes.slug,
        name: n.label,
        nameEn: n.attributes.nameEn,
        aliases: n.attributes.aliases,
      } as Named,
      kind: n.kind as string,
      docs: documents.get(n.entityId)!,
    }));
    const appearances = (want: Want, kind?: string) =>
      entities.filter((x) => want.matches(x.named) && (kind === undefined || x.kind === kind));
    const expected: [Want, string[], string?][] = [
      [regionSkane, [DOC.regionProfile, DOC.firsAgenda, DOC.innovationSkane, DOC.regionSkane]],
      [called('Skåne', 'Skåne'), [DOC.regionProfile, DOC.firsAgenda, DOC.regionSkane], 'REGION'],
      [called('Innovation Skåne', 'Innovation Skåne'), [DOC.firsAgenda, DOC.innovationSkane]],
      [lundUniversity, [DOC.regionProfile, DOC.firsAgenda]],
      [malmoUniversity, [DOC.regionProfile, DOC.firsAgenda]],
      [
        about('the specialisation area Life science and health', 'life science och halsa'),
        [DOC.firsAgenda, DOC.regionSkane],
        'PRIORITY',
      ],
      [eu, [DOC.regionProfile, DOC.firsAgenda, DOC.regionStockholm]],
    ];
    for (const [want, docs, kind] of expected) {
      const found = appearances(want, kind);
      a.that(
        `${want.label} appears in ${docs.join(', ')}`,
        found.some((x) => docs.every((d) => x.docs.has(d))),
        found.map((x) => [x.named.name, [...x.docs].sort()]),
      );
    }
    for (const [want, doc] of [
      [regionStockholm, DOC.regionStockholm],
      [medeon, DOC.firsAgenda],
    ] as const) {
      const found = appearances(want);
      a.that(
        `${want.label} appears only in ${doc}`,
        found.length > 0 && found.every((x) => x.docs.size === 1 && x.docs.has(doc)),
        found.map((x) => [x.named.name, [...x.docs].sort()]),
      );
    }
  },

  'which-themes-are-common-to-the-swedish-danish-and-eu-strategies.graphql': (data, a) => {
    const themesOf = (strategy: any) =>
      new Map<string, Named>(
        edgesOf(strategy?.relationships)
          .filter((e) => e.node.__typename === 'Theme')
          .map((e) => [e.node.slug, e.node]),
      );
    const [swedish, danish, euThemes] = [themesOf(data.swedish), themesOf(data.danish), themesOf(data.eu)];
    const common = [...swedish.values()].filter((t) => danish.has(t.slug!) && euThemes.has(t.slug!));
    a.exactly(
      'themes common to the three strategies',
      common,
      [
        about('clinical trials and testbeds', 'klinisk', 'clinical trial'),
        atmp,
        precisionMedicine,
        about('health data and AI', 'halsodata', 'health data'),
        about('prevention and public health', 'prevention', 'folkhalsa', 'public health'),
        about('investment and production', 'investering', 'investment'),
      ],
      // The field all three strategies are about, not one of their themes.
      [called('life science and health', 'Life science och hälsa', 'Life science and health')],
    );
  },

  'who-commissioned-and-wrote-the-ecosystem-analysis.graphql': (data, a) => {
    const rels = data.entity.relationships;
    a.exactly(
      'who commissioned the ecosystem analysis',
      ofType(rels, 'COMMISSIONS').map((e) => e.node),
      [regionSkane],
    );
    a.exactly(
      'who wrote the ecosystem analysis',
      ofType(rels, 'AUTHORS').map((e) => e.node),
      [called('WSP', 'WSP')],
    );
    for (const e of ofType(rels, 'COMMISSIONS', 'AUTHORS'))
      a.cites(`${e.node.name} ${e.type}`, e.sources, DOC.regionSkane);
  },

  'who-started-and-who-funds-path2patient.graphql': (data, a) => {
    const incoming = data.entity.incoming;
    a.oneEach(
      'who started Path2Patient',
      ofType(incoming, 'INITIATES').map((e) => e.node),
      [luInnovation, luVentures],
    );
    a.oneEach(
      'who funds Path2Patient',
      ofType(incoming, 'FUNDS').map((e) => e.node),
      [eu, regionSkane],
    );
    for (const e of ofType(incoming, 'INITIATES', 'FUNDS'))
      a.cites(`${e.node.name} ${e.type} Path2Patient`, e.sources, DOC.firsAgenda);
    a.includes('what Path2Patient works for', nodesOf(data.entity.outgoing), [atmp]);
  },

  'who-takes-part-in-ramp-up.graphql': (data, a) => {
    const rels = data.entity.relationships;
    a.oneEach('who takes part in RAMP-UP', nodesOf(rels), [
      lundUniversity,
      called(
        'the Technical University of Denmark',
        'DTU',
        'Danmarks Tekniske Universitet',
        'Technical University of Denmark',
      ),
      about('Leiden University Medical Center', 'leiden'),
      about('Hannover Medical School', 'hannover'),
    ]);
    a.includes(
      'who runs RAMP-UP',
      ofType(rels, 'OPERATES', 'LEADS').map((e) => e.node),
      [lundUniversity],
    );
    for (const e of edgesOf(rels)) a.cites(`${e.node.name} ${e.type} RAMP-UP`, e.sources, DOC.firsAgenda);
  },

  'who-runs-dent2health.graphql': (data, a) => {
    const rels = data.entity.relationships;
    a.oneEach('who runs Dent2Health', nodesOf(rels), [
      medeon,
      mva,
      malmoUniversity,
      about('Folktandvården Skåne', 'folktandvarden', 'public dental service'),
      about(
        'Centrum för primärvårdsforskning',
        'primarvardsforskning',
        'primary health care research',
        'primary care research',
      ),
    ]);
    a.includes(
      'who leads it',
      ofType(rels, 'OPERATES', 'LEADS').map((e) => e.node),
      [medeon],
    );
    for (const e of edgesOf(rels)) a.cites(`${e.node.name} ${e.type} Dent2Health`, e.sources, DOC.firsAgenda);
  },

  'what-business-opportunities-does-invest-in-skane-create.graphql': (data, a) => {
    const edges = edgesOf(data.entity.relationships);
    a.exactly(
      'fields of business opportunities',
      edges.map((e) => e.node),
      [
        about('biotech', 'biotech', 'bioteknik'),
        about('med-/health-tech', 'medtech', 'medicinteknik', 'health tech', 'halsoteknik', 'medical technology'),
        atmp,
        precisionMedicine,
        about('prevention medicine', 'prevention', 'preventive'),
      ],
    );
    for (const e of edgesOf(data.entity.relationships))
      a.cites(`Invest in Skåne creates business opportunities in ${e.node.name}`, e.sources, DOC.firsAgenda);
  },

  'what-does-the-firs-agenda-contribute-to.graphql': (data, a) => {
    a.that('Agenda 2030: YES', data.agenda2030.answer === 'YES', data.agenda2030.answer);
    a.cites('the contribution to Agenda 2030', data.agenda2030.sources, DOC.firsAgenda);
    const rels = data.entity.relationships;
    const goal = (n: number): Want => ({
      label: `Agenda 2030 goal ${n}`,
      matches: (e) =>
        spellings(e).some((s) => ` ${s} `.includes(` ${n} `) && /(^| )(mal|malomrade|goal|sdg)( |$)/.test(s)),
    });
    a.includes(
      'what the agenda contributes to',
      ofType(rels, 'CONTRIBUTES_TO').map((e) => e.node),
      [swedishStrategy, about('Agenda 2030', 'agenda 2030'), goal(3), goal(8), goal(9)],
    );
    // The agenda "links up with" Denmark's priorities and the EU's; Skåne's contribution to the EU
    // strategy is what it clarifies; it exists "to reach the goals of" Skåne's innovation strategy.
    a.includes(
      'what the agenda contributes to or links up with',
      ofType(rels, 'CONTRIBUTES_TO', 'ALIGNS_WITH').map((e) => e.node),
      [
        danishStrategy,
        euStrategy,
        about("Skåne's innovation strategy", 'skanes innovationsstrategi', 'skane s innovation strategy'),
      ],
    );
    a.includes(
      'what frames the agenda',
      ofType(rels, 'FRAMED_BY').map((e) => e.node),
      [about('the Øresund Bridge declaration', 'oresundsbro', 'oresund bridge')],
    );
    for (const e of edgesOf(rels)) a.cites(`the agenda ${e.type} ${e.node.name}`, e.sources, DOC.firsAgenda);
  },

  'which-examples-does-the-firs-agenda-give-for-its-priorities.graphql': (data, a) => {
    const priorities: any[] = (data.entity.relationships.nodes as any[]).filter((n) => isKind(n, 'priority'));
    const examplesOf = (p: any): Named[] => [
      ...(p.examples?.nodes ?? []),
      ...(p.focusAreas?.nodes ?? []).flatMap((f: any) => f.examples?.nodes ?? []),
    ];
    const expected: [Want, Want[], Want[]][] = [
      [
        firsPriorities[0]!.priority,
        [
          investInSkane,
          medeon,
          called('Medicon Village Innovation', 'Medicon Village Innovation'),
          luInnovation,
          luVentures,
          called('Mau Innovation', 'Mau Innovation', 'Malmö University Innovation'),
          called('Mau Holding', 'Mau Holding', 'Malmö University Holding'),
          called('SmiLe Venture Hub', 'SmiLe Venture Hub'),
          called('SmiLe Inject Capital', 'SmiLe Inject Capital'),
          mva,
        ],
        // The programmes and projects the support actors' paragraphs name.
        [
          called('Medtech Summit', 'Medtech Summit'),
          about('Medicon Village Investor Panel', 'investor panel'),
          about('Business Track', 'business track'),
          path2Patient,
          about('Vertically Integrated Projects', 'vertically integrated projects'),
        ],
      ],
      [
        firsPriorities[1]!.priority,
        [about('the e-service for taking part in clinical studies', 'e tjanst', 'e service'), lundModel],
        [],
      ],
      [firsPriorities[2]!.priority, [precisionMedicineCentreSouth, called('Dent2Health', 'Dent2Health')], []],
      [
        firsPriorities[3]!.priority,
        [
          atmpDoctoralProgramme,
          rampUp,
          about("Medicon Village's professional networks", 'yrkesnatverk', 'professional network'),
          about('training in innovation management', 'innovationsledning', 'innovation management'),
        ],
        [],
      ],
    ];
    for (const [priority, examples, allowed] of expected) {
      const node = unique(priorities as Named[]).find((n) => priority.matches(n));
      a.that(`the agenda has ${priority.label}`, node !== undefined);
      if (node) a.exactly(`examples for ${priority.label}`, examplesOf(node), examples, allowed);
    }
  },

  'which-universities-are-there-in-sydsverige.graphql': (data, a) => {
    const universities: Named[] = data.actors.nodes;
    a.includes('universities in Sydsverige', universities, [
      lundUniversity,
      called(
        'Blekinge Institute of Technology',
        'Blekinge tekniska högskola',
        'Blekinge Institute of Technology',
        'BTH',
      ),
      malmoUniversity,
      called('Kristianstad University', 'Högskolan Kristianstad', 'Kristianstad University'),
      called(
        'the Swedish University of Agricultural Sciences',
        'Sveriges lantbruksuniversitet',
        'Swedish University of Agricultural Sciences',
        'SLU',
      ),
    ]);
    a.excludes('universities in Sydsverige', universities, [
      called('DTU', 'DTU', 'Danmarks Tekniske Universitet'),
      about('Leiden', 'leiden'),
      about('Hannover', 'hannover'),
    ]);
    a.that(
      'totalCount counts the universities listed',
      data.actors.totalCount === universities.length,
      data.actors.totalCount,
    );
  },

  'what-are-the-strengths-of-sydsverige-and-skane.graphql': (data, a) => {
    const isCluster = (e: any) => /cluster|kluster/.test(fold(e.role ?? ''));
    const sydsverige = edgesOf(data.sydsverige.relationships);
    a.exactly(
      'established clusters of Sydsverige',
      sydsverige.filter(isCluster).map((e) => e.node),
      [
        about('life sciences', 'life science'),
        anyOf(
          'ICT',
          word('ICT', 'ict'),
          about('ICT', 'information and communication', 'informations och kommunikation'),
        ),
        called('food', 'Livsmedel', 'Food'),
      ],
    );
    const tech = [...sydsverige, ...edgesOf(data.skane.relationships)].filter((e) => !isCluster(e));
    const leadership = [
      anyOf(
        'artificial intelligence',
        word('AI', 'ai'),
        about('artificial intelligence', 'artificial intelligence', 'artificiell intelligens'),
      ),
      about('the Internet of things', 'internet of things', 'sakernas internet'),
      word('5G', '5g'),
      about('connectivity', 'connectivity', 'uppkoppling'),
      about('image recognition', 'image recognition', 'bildigenkanning'),
      about('big data', 'big data', 'stordata'),
      anyOf('gaming', about('gaming', 'gaming', 'dataspel', 'spelindustri'), word('gaming', 'spel')),
      about('creative media', 'creative media', 'kreativ'),
    ];
    a.includes(
      "the tech industry's leadership",
      tech.map((e) => e.node),
      leadership,
    );
    const fromProfile = [
      ...sydsverige.filter(isCluster),
      ...tech.filter((e) => leadership.some((w) => w.matches(e.node))),
    ];
    for (const e of fromProfile) a.cites(`the strength in ${e.node.name}`, e.sources, DOC.regionProfile);
  },

  'which-policy-documents-does-sydsverige-have.graphql': (data, a) => {
    const edges = edgesOf(data.entity.relationships);
    a.oneEach(
      "Sydsverige's policy documents",
      edges.map((e) => e.node),
      [
        about(
          "Region Skåne's Life Science Strategy",
          'region skanes life science strateg',
          'region skane life science strategy',
        ),
        about(
          'An International Innovation Strategy for Skåne 2012–2020',
          'international innovation strategy',
          'internationell innovationsstrategi',
        ),
        about('E-Health strategy for Region Skåne', 'e health strategy', 'e halsostrategi'),
      ],
    );
    for (const e of edges) a.cites(`the policy ${e.node.name}`, e.sources, DOC.regionProfile);
  },

  'what-are-the-major-initiatives-of-sydsverige.graphql': (data, a) => {
    const edges = edgesOf(data.entity.relationships);
    // "ICPerMed via Genomic Medicine Sweden" (item 4) may be recorded as a membership instead.
    a.oneEach(
      "Sydsverige's major initiatives",
      edges.map((e) => e.node).filter((n: Named) => !icpermed.matches(n)),
      [
        about('Biobank Sverige South Biobank', 'south biobank'),
        about('GMC Syd (Genomic Medicine Center South)', 'gmc syd', 'genomic medicine center'),
        genomicMedicineSweden,
        about('the primary health care equity project', 'primary health care'),
        about('Health Emergency Planning and cooperation in the Øresund Region', 'health emergency'),
        about('OresundCentra', 'oresundcentra'),
        about('HealthTech Nordic', 'healthtech nordic'),
        about('removal of pharmaceuticals and other contaminants', 'removal of pharmaceuticals', 'contaminants'),
        about('competence in palliative care in the Øresund Region', 'palliation', 'palliative'),
        about('training programme for dementia care', 'dementia', 'demens'),
        about('SBDSbase', 'sbdsbase'),
        about('SMARCAL1base', 'smarcal1base'),
        about('the Digital Innovation Hub', 'digital innovation hub'),
      ],
    );
    for (const e of edges) a.cites(`the initiative ${e.node.name}`, e.sources, DOC.regionProfile);
  },

  'what-are-the-focus-areas-of-stockholms-business-and-growth-strategy.graphql': (data, a) => {
    const edges = edgesOf(data.entity.relationships);
    a.oneEach(
      'focus areas of the business and growth strategy',
      edges.map((e) => e.node).filter((n: Named) => n.__typename === 'Priority'),
      [
        about('strategic research and innovation environments', 'innovationsmiljo', 'innovation environment'),
        about('international competitiveness', 'internationell konkurrenskraft', 'international competitiveness'),
        about('a better business climate and simpler rules', 'foretagsklimat', 'business climate'),
        about('regional areas of strength', 'styrkeomraden', 'areas of strength'),
        about('new thinking and innovation capacity', 'nytankande', 'new thinking'),
        about('skills supply', 'kompetensforsorjning', 'skills supply'),
      ],
    );
    for (const e of edges) a.cites(`the focus area ${e.node.name}`, e.sources, DOC.regionStockholm);
  },
};

async function ask(file: string): Promise<any> {
  const { status, body } = await postGraphQL(server!, queryText(file));
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

describe('the documented questions, answered as the documents answer them', () => {
  test('every file in docs/queries has its expected answer checked here, and every check has its file', () => {
    expect(files.filter((f) => !(f in checks))).toEqual([]);
    expect(Object.keys(checks).filter((f) => !files.includes(f))).toEqual([]);
  });

  test.each(files.filter((f) => f in checks).map((f) => [questionOf(f), f]))('%s (%s)', async (_question, file) => {
    const answer = new Answer();
    checks[file]!(await ask(file), answer);
    expect(answer.problems).toEqual([]);
  });
});
