import { SEED_DIR } from '../../src/bootstrap';
import { DateScalar } from '../../src/graphql/scalars';
import { apiSourcesSchema, inputFieldOf, parseInput } from '../../src/mutations/input';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import {
  actorSchema,
  initiativeSchema,
  isPartialDate,
  relationshipSchema,
  WRITE_LIMITS,
  type EntityRecord,
} from '../../src/seed/model';

/**
 * Issue 14, finding 3: the lengths and counts a record may have, in seed files and API writes
 * (one set of schemas), and calendar dates in both.
 */
const citation = { doc: 'https://example.org/a', quote: 'A quote.' };
const actor = { id: 'acme', kind: 'company', name: 'Acme', nameEn: 'Acme', sources: [citation] };
const relationship = { from: 'a', type: 'SUPPORTS', to: 'b', basis: 'STATED', sources: [citation] };

/** The BAD_USER_INPUT message that parseInput gives for a record, as the mutations call it. */
function refusal(schema: Parameters<typeof parseInput>[0], record: unknown): string {
  try {
    parseInput(schema, record, inputFieldOf({ id: 'slug' }));
  } catch (error) {
    expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    return (error as Error).message;
  }
  throw new Error('expected the record to be refused');
}

test('the longest values and lists in seed/ are well within the limits (at most 85% of each)', () => {
  const seed = loadSeedFiles(SEED_DIR);
  const longest = (values: number[]) => Math.max(0, ...values);
  const entities = seed.entities.map((e) => e.record as EntityRecord);
  const citations = [...entities.flatMap((e) => e.sources), ...seed.relationships.flatMap((r) => r.sources)];
  const measured = {
    slug: longest(entities.map((e) => e.id.length)),
    name: longest(entities.flatMap((e) => [e.name.length, e.nameEn.length])),
    alias: longest(entities.flatMap((e) => (e.aliases ?? []).map((a) => a.length))),
    aliases: longest(entities.map((e) => (e.aliases ?? []).length)),
    description: longest(entities.map((e) => e.description?.length ?? 0)),
    role: longest(seed.relationships.map((r) => r.role?.length ?? 0)),
    sources: longest([...entities, ...seed.relationships].map((r) => r.sources.length)),
    quote: longest(citations.map((c) => c.quote.length)),
    url: longest([...citations.map((c) => c.doc.length), ...entities.map((e) => e.website?.length ?? 0)]),
  };
  // The measured maxima, for the README's table of limits.
  console.log(
    `Longest in seed/ (limit): ${Object.entries(measured)
      .map(([k, v]) => `${k} ${v} (${WRITE_LIMITS[k as keyof typeof WRITE_LIMITS]})`)
      .join(', ')}`,
  );
  for (const [field, value] of Object.entries(measured)) {
    expect([field, value <= 0.85 * WRITE_LIMITS[field as keyof typeof WRITE_LIMITS]]).toEqual([field, true]);
  }
});

test.each([
  ['slug', { ...actor, id: 'a'.repeat(9000) }, /^"input\.slug" must be at most 100 characters long, not "a{20}/],
  ['name', { ...actor, name: 'N'.repeat(90_000) }, /^"input\.name" must be at most 300 characters long, not "N{20}/],
  ['nameEn', { ...actor, nameEn: 'N'.repeat(301) }, /^"input\.nameEn" must be at most 300 characters long/],
  [
    'an alias',
    { ...actor, aliases: ['ok', 'x'.repeat(201)] },
    /^"input\.aliases\[1\]" must be at most 200 characters long/,
  ],
  [
    'aliases',
    { ...actor, aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) },
    /^"input\.aliases" must have at most 50 aliases\.$/,
  ],
  [
    'description',
    { ...actor, description: 'd'.repeat(4001) },
    /^"input\.description" must be at most 4000 characters long/,
  ],
  [
    'sources',
    { ...actor, sources: Array.from({ length: 21 }, () => citation) },
    /^"input\.sources" must cite at most 20 sources\.$/,
  ],
  [
    'a quote',
    { ...actor, sources: [{ ...citation, quote: 'q'.repeat(601) }] },
    /^"input\.sources\[0\]\.quote" must be a short quote \(600 characters at most\)/,
  ],
  [
    'a website',
    { ...actor, website: `https://example.org/${'p'.repeat(2000)}` },
    /^"input\.website" must be at most 2000 characters long/,
  ],
])('an actor whose %s is too long or too many is refused, naming the field and the limit', (_what, record, message) => {
  expect(refusal(actorSchema, record)).toMatch(message);
  // The message echoes at most 80 characters of the value.
  expect(refusal(actorSchema, record).length).toBeLessThan(200);
});

test('the limits themselves are allowed', () => {
  const longest = {
    ...actor,
    id: 'a'.repeat(WRITE_LIMITS.slug),
    name: 'N'.repeat(WRITE_LIMITS.name),
    aliases: Array.from({ length: WRITE_LIMITS.aliases }, () => 'x'.repeat(WRITE_LIMITS.alias)),
    description: 'd'.repeat(WRITE_LIMITS.description),
    sources: Array.from({ length: WRITE_LIMITS.sources }, () => ({
      ...citation,
      quote: 'q'.repeat(WRITE_LIMITS.quote),
    })),
  };
  expect(actorSchema.safeParse(longest).success).toBe(true);
  expect(relationshipSchema.safeParse({ ...relationship, role: 'r'.repeat(WRITE_LIMITS.role) }).success).toBe(true);
});

test('a role over 200 characters and over 20 citations given with an update are refused', () => {
  expect(refusal(relationshipSchema, { ...relationship, role: 'r'.repeat(201) })).toMatch(
    /^"input\.role" must be at most 200 characters long/,
  );
  expect(
    refusal(
      apiSourcesSchema,
      Array.from({ length: 21 }, () => citation),
    ),
  ).toMatch(/must cite at most 20 sources/);
});

test.each(['2021-13-45', '9999-99-99', '2023-02-30', '2021-00', '2021-02-29', '21', '2021-6'])(
  'the date %s is refused by the seed schema and by the Date scalar',
  (date) => {
    expect(isPartialDate(date)).toBe(false);
    const initiative = { id: 'x', kind: 'project', name: 'X', nameEn: 'X', sources: [citation], validFrom: date };
    expect(initiativeSchema.safeParse(initiative).success).toBe(false);
    expect(() => DateScalar.parseValue(date)).toThrow(/is not a Date/);
  },
);

test.each(['2021', '2021-02', '2024-02-29', '2023-02-28', '1900-12-31', 2021])(
  'the date %s is a valid partial date in a seed file',
  (date) => {
    const initiative = { id: 'x', kind: 'project', name: 'X', nameEn: 'X', sources: [citation], validFrom: date };
    expect(initiativeSchema.safeParse(initiative).success).toBe(true);
  },
);
