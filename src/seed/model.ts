import { z } from 'zod';

/**
 * The seed files' schema (see docs/seed-format.md and docs/model.md). These lists are the
 * allow-lists that labels and relationship types in Cypher come from: nothing else reaches a
 * query as a label or type.
 */

export const ACTOR_KINDS = [
  'university',
  'hospital',
  'science_park',
  'incubator',
  'innovation_office',
  'investor',
  'research_infrastructure',
  'public_body',
  'network',
  'company',
  'foundation',
] as const;

export const INITIATIVE_KINDS = ['project', 'programme', 'network', 'event', 'e_service', 'centre'] as const;

export const STRATEGY_KINDS = [
  'strategy',
  'agenda',
  'policy',
  'declaration',
  'analysis',
  // A law or EU regulation (MDR, IVDR).
  'regulation',
  // A frame that strategies refer to (Agenda 2030, smart specialisation).
  'framework',
  // A funding programme with a budget and a period (a regional fund programme).
  'funding_programme',
] as const;

/** What a priority record is within its strategy (`kind` of a priority; `priority` when not given). */
export const PRIORITY_KINDS = [
  'priority',
  'focus_area',
  'specialisation_area',
  'strategic_area',
  'thematic_objective',
  'policy_objective',
  'goal',
] as const;

/**
 * How a relationship or figure rests on its quote: `STATED` (the quote says it), `IMPLIED` (a
 * reasonable reading of the quoted context) or `INFERRED` (modelling or general knowledge; the
 * record says why in `basisNote`).
 */
export const BASES = ['STATED', 'IMPLIED', 'INFERRED'] as const;
export type Basis = (typeof BASES)[number];

/** Relationship types between entities that curators write, a closed set. */
export const RELATIONSHIP_TYPES = [
  'SUPPORTS',
  'FUNDS',
  'INVESTS_IN',
  'INCUBATES',
  'OWNS',
  'OPERATES',
  'HOSTS',
  'PART_OF',
  'MEMBER_OF',
  'NOT_MEMBER_OF',
  'PARTNER_IN',
  'LEADS',
  'ARRANGES',
  'PUBLISHES',
  'PRIORITISES',
  'FOCUSES_ON',
  'TARGETS_STAGE',
  'LOCATED_IN',
  'COLLABORATES_WITH',
  'ALIGNS_WITH',
  'USES',
  // Added with the second curation pass (see docs/model.md for one example each).
  'INITIATES',
  'ADVISES',
  'PROVIDES_INFRASTRUCTURE',
  'CREATES_BUSINESS_OPPORTUNITIES',
  'COMMISSIONS',
  'AUTHORS',
  'CONTRIBUTES_TO',
  'FRAMED_BY',
  'EXEMPLIFIES',
  'HAS_STRENGTH_IN',
  'HAS_POLICY',
  'HAS_INITIATIVE',
  'HAS_FOCUS_AREA',
  'REGULATES',
  'TARGETS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Relationships the loader derives from entity fields (a theme's `broader`, a region's `partOf`). */
export const DERIVED_RELATIONSHIP_TYPES = ['SUBTHEME_OF'] as const;

/** Relationship types that mean help to companies: what `supporters` counts as support. */
export const HELP_TYPES = [
  'SUPPORTS',
  'FUNDS',
  'INVESTS_IN',
  'INCUBATES',
  'ADVISES',
  'PROVIDES_INFRASTRUCTURE',
  'CREATES_BUSINESS_OPPORTUNITIES',
] as const;

/** The entity collections of a seed file, and the Neo4j label each one gets besides `Entity`. */
export const ENTITY_COLLECTIONS = {
  regions: 'Region',
  stages: 'Stage',
  themes: 'Theme',
  actors: 'Actor',
  initiatives: 'Initiative',
  strategies: 'Strategy',
  priorities: 'Priority',
} as const;
export type EntityCollection = keyof typeof ENTITY_COLLECTIONS;
export type EntityLabel = (typeof ENTITY_COLLECTIONS)[EntityCollection];
export const ENTITY_LABELS = Object.values(ENTITY_COLLECTIONS) as EntityLabel[];

/** A seed id: kebab-case, which no global id (base64url of "Type:key") ever is. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The longest values and lists a record may hold, in seed files and in API writes alike (the
 * mutations validate with these schemas, so that what the API writes can go back into seed/).
 * Each is several times the longest in seed/ (test/unit/writeLimits.test.ts measures them) and
 * far below what Neo4j can index: a range index entry (ids, sort keys) holds at most 8 kB, and a
 * 9,000-character slug or a 90,000-character name made Neo4j refuse the write.
 */
export const WRITE_LIMITS = {
  /** Characters of an id (slug). */
  slug: 100,
  /** Characters of a name or English name. */
  name: 300,
  /** Characters of one alias. */
  alias: 200,
  /** Aliases of one entity. */
  aliases: 50,
  /** Characters of a description. */
  description: 4000,
  /** Characters of a relationship's role. */
  role: 200,
  /** Citations of one record. */
  sources: 20,
  /** Characters of a quote. */
  quote: 600,
  /** Characters of a cited document's name or URL, and of a website. */
  url: 2000,
} as const;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no time zone shifts it).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True for YYYY, YYYY-MM or YYYY-MM-DD that names a real year, month or day of the calendar:
 * "2021-13-45", "9999-99-99" and "2023-02-30" are not. The seed schemas and the API's Date scalar
 * (src/graphql/scalars.ts) both check with it.
 */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= daysInMonth(Number(year), m);
}

const atMost = (max: number) => `must be at most ${max} characters long`;
const slug = z
  .string()
  .max(WRITE_LIMITS.slug, atMost(WRITE_LIMITS.slug))
  .regex(SLUG, 'must be a kebab-case slug such as "lund-university"');
const text = z.string().trim().min(1, 'must not be empty');
const name = text.max(WRITE_LIMITS.name, atMost(WRITE_LIMITS.name));
const partialDate = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(
    z
      .string()
      .refine(isPartialDate, 'must be a year or ISO date of the calendar: YYYY, YYYY-MM or YYYY-MM-DD'),
  );


// http:// as well as https://: the API takes both (src/mutations/input.ts), and what curators write
// through it must load from seed/ when it is exported (npm run curation:export).
export const citationSchema = z.strictObject({
  doc: z
    .string()
    .max(WRITE_LIMITS.url, atMost(WRITE_LIMITS.url))
    .regex(/^(https?:\/\/\S+|[\w.-]+\.txt)$/, 'must be a file name in seed/documents/ or an http(s) URL'),
  quote: text.max(WRITE_LIMITS.quote, `must be a short quote (${WRITE_LIMITS.quote} characters at most)`),
});
export type Citation = z.infer<typeof citationSchema>;

/** A record's citations: at least one, at most WRITE_LIMITS.sources. */
export function citationList<T extends z.ZodType>(citation: T) {
  return z
    .array(citation)
    .min(1, 'must cite at least one source')
    .max(WRITE_LIMITS.sources, `must cite at most ${WRITE_LIMITS.sources} sources`);
}
const sources = citationList(citationSchema);

const basisFields = {
  basis: z.enum(BASES),
  basisNote: text.max(300, 'must be one or two sentences (300 characters at most)').optional(),
};
/** An INFERRED fact must say why; STATED and IMPLIED may. */
const inferredHasNote: [(r: { basis: Basis; basisNote?: string }) => boolean, { message: string; path: string[] }] = [
  (r) => r.basis !== 'INFERRED' || r.basisNote !== undefined,
  { message: 'is required when basis is INFERRED: say what the inference rests on', path: ['basisNote'] },
];

const entityFields = {
  id: slug,
  name,
  nameEn: name,
  aliases: z
    .array(text.max(WRITE_LIMITS.alias, atMost(WRITE_LIMITS.alias)))
    .max(WRITE_LIMITS.aliases, `must have at most ${WRITE_LIMITS.aliases} aliases`)
    .default([]),
  description: text.max(WRITE_LIMITS.description, atMost(WRITE_LIMITS.description)).optional(),
  website: z.url({ protocol: /^https?$/ }).max(WRITE_LIMITS.url, atMost(WRITE_LIMITS.url)).optional(),
  sources,
};

export const regionSchema = z.strictObject({ ...entityFields, partOf: slug.optional() });
export const stageSchema = z.strictObject({ ...entityFields, order: z.number().int().optional() });
export const themeSchema = z.strictObject({ ...entityFields, broader: slug.optional() });
export const actorSchema = z.strictObject({ ...entityFields, kind: z.enum(ACTOR_KINDS) });
export const initiativeSchema = z.strictObject({
  ...entityFields,
  kind: z.enum(INITIATIVE_KINDS),
  validFrom: partialDate.optional(),
  validTo: partialDate.optional(),
});
export const strategySchema = z.strictObject({
  ...entityFields,
  kind: z.enum(STRATEGY_KINDS),
  year: z.number().int().min(1900).max(2100).optional(),
  validFrom: partialDate.optional(),
  validTo: partialDate.optional(),
});
export const prioritySchema = z.strictObject({
  ...entityFields,
  kind: z.enum(PRIORITY_KINDS).default('priority'),
  strategy: slug,
  // A focus area names the priority it belongs to: the loader derives (parent)-[:HAS_FOCUS_AREA]->(it).
  parent: slug.optional(),
  order: z.number().int().optional(),
});

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[\w.-]+\.txt$/, 'must be the file name of a document in seed/documents/'),
  title: text,
  titleEn: text,
  language: z.enum(['sv', 'en', 'da']),
  publisher: text,
  year: z.number().int().min(1900).max(2100).optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
  note: text.optional(),
});

export const relationshipSchema = z
  .strictObject({
    from: slug,
    type: z.enum(RELATIONSHIP_TYPES),
    to: slug,
    role: text.max(WRITE_LIMITS.role, atMost(WRITE_LIMITS.role)).optional(),
    amount: z.number().nonnegative().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as SEK or EUR')
      .optional(),
    validFrom: partialDate.optional(),
    validTo: partialDate.optional(),
    ...basisFields,
    sources,
  })
  .refine((r) => r.amount === undefined || r.currency !== undefined, {
    message: 'is required when amount is given',
    path: ['currency'],
  })
  .refine(...inferredHasNote);

export const figureSchema = z
  .strictObject({
    id: slug,
    subject: slug,
    metric: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case such as life_science_employees'),
    value: z.number(),
    unit: text,
    date: partialDate.optional(),
    note: text.optional(),
    ...basisFields,
    sources,
  })
  .refine(...inferredHasNote);

export const seedFileSchema = z.strictObject({
  sources: z.array(z.unknown()).optional(),
  regions: z.array(z.unknown()).optional(),
  stages: z.array(z.unknown()).optional(),
  themes: z.array(z.unknown()).optional(),
  actors: z.array(z.unknown()).optional(),
  initiatives: z.array(z.unknown()).optional(),
  strategies: z.array(z.unknown()).optional(),
  priorities: z.array(z.unknown()).optional(),
  relationships: z.array(z.unknown()).optional(),
  figures: z.array(z.unknown()).optional(),
});

export const RECORD_SCHEMAS = {
  sources: sourceSchema,
  regions: regionSchema,
  stages: stageSchema,
  themes: themeSchema,
  actors: actorSchema,
  initiatives: initiativeSchema,
  strategies: strategySchema,
  priorities: prioritySchema,
  relationships: relationshipSchema,
  figures: figureSchema,
} as const;
export type SeedCollection = keyof typeof RECORD_SCHEMAS;

export type SourceRecord = z.infer<typeof sourceSchema>;
export type RelationshipRecord = z.infer<typeof relationshipSchema>;
export type FigureRecord = z.infer<typeof figureSchema>;
export type EntityRecord = z.infer<typeof regionSchema> &
  Partial<z.infer<typeof actorSchema>> &
  Partial<z.infer<typeof strategySchema>> &
  Partial<Omit<z.infer<typeof prioritySchema>, 'kind'>> &
  Partial<z.infer<typeof themeSchema>> & { partOf?: string; order?: number; parent?: string };
