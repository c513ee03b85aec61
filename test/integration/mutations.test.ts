import { parseWriteTokens } from '../../src/auth';
import { DatabaseRefusedValueError } from '../../src/errors';
import { prepareDatabase } from '../../src/bootstrap';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { graphFingerprint } from '../graphFingerprint';
import { toGlobalId } from '../../src/graphql/globalId';
import { createContext } from '../../src/context';
import { createInitiative } from '../../src/mutations/entityWrites';
import { postGraphQL, startSeededServer, startTestServer, stopSeededServer, type TestServer } from './harness';

/**
 * Curated writes over real HTTP against the seeded graph: every mutation needs a curator's token,
 * is validated before anything is written, runs in one transaction with its audit event, and
 * what it writes reads back like seeded data and survives a seed reload.
 */
let db: Database;
/** The API with writes off (no token configured). */
let readOnly: TestServer;
/** The API with two curators' tokens. */
let server: TestServer;

const ALICE = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdef';
const asAlice = { authorization: `Bearer ${ALICE}` };
const asBob = { authorization: `Bearer ${BOB}` };

beforeAll(async () => {
  ({ db, server: readOnly } = await startSeededServer());
  server = await startTestServer(db, { settings: { writeTokens: parseWriteTokens(`alice=${ALICE},bob=${BOB}`) } });
});
afterAll(async () => {
  await server?.close();
  await stopSeededServer(db, readOnly);
});

const DOC = '000_aefb97ef1588826a.txt';
const docCitation = { document: DOC, quote: 'There is also a diversified business environment' };
const urlCitation = {
  document: 'https://example.org/news/acme-biologics',
  quote: 'Acme Biologics opened its first lab in Lund.',
};

const ACTOR_FIELDS = `id slug name nameEn kind aliases description website sources { document quote source { fileName } }`;
const EDGE_FIELDS = `type direction role amount currency validFrom validTo node { slug } sources { document quote }`;

const M = {
  createActor: `mutation ($input: CreateActorInput!) { createActor(input: $input) { ${ACTOR_FIELDS} } }`,
  updateActor: `mutation ($input: UpdateActorInput!) { updateActor(input: $input) { ${ACTOR_FIELDS} } }`,
  createInitiative: `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id slug name kind validFrom validTo sources { document quote } } }`,
  updateInitiative: `mutation ($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { id slug name kind description validFrom validTo sources { document quote } } }`,
  createRelationship: `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { ${EDGE_FIELDS} } }`,
  updateRelationship: `mutation ($input: UpdateRelationshipInput!) { updateRelationship(input: $input) { ${EDGE_FIELDS} } }`,
  deleteRelationship: `mutation ($input: DeleteRelationshipInput!) { deleteRelationship(input: $input) { ${EDGE_FIELDS} } }`,
};

const AUDIT = `query ($first: Int!, $after: String, $targetId: ID) {
  auditTrail(first: $first, after: $after, targetId: $targetId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id at writer operation targetType targetId target { slug name } summary changes { field before after } sources { document quote } }
  }
}`;

/** A valid input for every mutation (the refusal tests send them without the right token). */
const VALID: Record<keyof typeof M, Record<string, unknown>> = {
  createActor: {
    slug: 'refused-actor',
    kind: 'COMPANY',
    name: 'Refused AB',
    nameEn: 'Refused Ltd',
    sources: [urlCitation],
  },
  updateActor: { id: 'lund-university', description: 'Refused.', sources: [urlCitation] },
  createInitiative: {
    slug: 'refused-initiative',
    kind: 'PROJECT',
    name: 'Refused',
    nameEn: 'Refused',
    sources: [urlCitation],
  },
  updateInitiative: { id: 'refused-initiative', name: 'Refused', sources: [urlCitation] },
  createRelationship: { from: 'lund-university', type: 'SUPPORTS', to: 'skane', sources: [urlCitation] },
  updateRelationship: {
    from: 'lund-university',
    type: 'LOCATED_IN',
    to: 'skane',
    amount: 1,
    currency: 'SEK',
    sources: [urlCitation],
  },
  deleteRelationship: { from: 'lund-university', type: 'LOCATED_IN', to: 'skane', sources: [urlCitation] },
};

function codeOf(body: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return body.errors?.[0]?.extensions?.code;
}

async function mutate(name: keyof typeof M, input: Record<string, unknown>, headers: Record<string, string> = asAlice) {
  return postGraphQL(server, M[name], { input }, headers);
}

async function auditTrail(variables: Record<string, unknown>, headers: Record<string, string> = asAlice) {
  const { body } = await postGraphQL(server, AUDIT, { first: 100, ...variables }, headers);
  expect(body.errors).toBeUndefined();
  return body.data.auditTrail;
}

describe('without a valid token nothing is written', () => {
  const names = Object.keys(M) as (keyof typeof M)[];

  test.each(names)('%s is refused without a token, with a wrong one, and when writes are off', async (name) => {
    const before = await graphFingerprint(db);
    const none = await mutate(name, VALID[name], {});
    expect(codeOf(none.body)).toBe('UNAUTHENTICATED');
    expect(none.body.data).toBeNull();
    const wrong = await mutate(name, VALID[name], { authorization: 'Bearer not-a-token-of-anyone-here' });
    expect(codeOf(wrong.body)).toBe('UNAUTHENTICATED');
    const notBearer = await mutate(name, VALID[name], { authorization: `Basic ${ALICE}` });
    expect(codeOf(notBearer.body)).toBe('UNAUTHENTICATED');
    const off = await postGraphQL(readOnly, M[name], { input: VALID[name] }, asAlice);
    expect(codeOf(off.body)).toBe('FORBIDDEN');
    expect(off.body.errors![0]!.message).toMatch(/^Writes are off: /);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  test('the token is checked before the input: bad input without a token is UNAUTHENTICATED', async () => {
    const { body } = await mutate('createActor', { ...VALID.createActor, slug: 'Not A Slug', sources: [] }, {});
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    const off = await postGraphQL(
      readOnly,
      M.createRelationship,
      { input: { ...VALID.createRelationship, from: 'no-such-entity' } },
      {},
    );
    expect(codeOf(off.body)).toBe('FORBIDDEN');
  });

  test('the audit trail needs a token too (it names the curators)', async () => {
    const none = await postGraphQL(server, AUDIT, { first: 5 });
    expect(codeOf(none.body)).toBe('UNAUTHENTICATED');
    const off = await postGraphQL(readOnly, AUDIT, { first: 5 }, asAlice);
    expect(codeOf(off.body)).toBe('FORBIDDEN');
  });
});

describe('input is validated before anything is written', () => {
  const cases: [string, keyof typeof M, Record<string, unknown>, RegExp][] = [
    [
      'a slug that is not kebab-case',
      'createActor',
      { ...VALID.createActor, slug: 'Acme Bio' },
      /"input\.slug" must be a kebab-case slug.*"Acme Bio"/,
    ],
    ['an empty name', 'createActor', { ...VALID.createActor, name: '  ' }, /"input\.name" must not be empty/],
    [
      'a website that is not a URL',
      'createActor',
      { ...VALID.createActor, website: 'acme dot se' },
      /at "input\.website"; "acme dot se" is not a URL: an absolute http or https URL/,
    ],
    [
      'no source',
      'createActor',
      { ...VALID.createActor, sources: [] },
      /"input\.sources" must cite at least one source/,
    ],
    [
      'a document that does not exist',
      'createActor',
      { ...VALID.createActor, sources: [{ document: 'nope.txt', quote: 'x' }] },
      /"input\.sources\[0\]\.document" .*"nope\.txt"/,
    ],
    [
      'a document that is neither a file name nor a URL',
      'createActor',
      { ...VALID.createActor, sources: [{ document: '../etc/passwd', quote: 'x' }] },
      /"input\.sources\[0\]\.document" must be a file name in seed\/documents\/ or an http\(s\) URL, not "\.\.\/etc\/passwd"/,
    ],
    [
      'a quote that does not stand in its document',
      'createActor',
      { ...VALID.createActor, sources: [{ document: DOC, quote: 'Acme is the largest employer.' }] },
      /"input\.sources\[0\]\.quote" does not stand in 000_aefb97ef1588826a\.txt/,
    ],
    [
      'a region that is not a region',
      'createActor',
      { ...VALID.createActor, locatedIn: [toGlobalId('Theme', 'atmp')] },
      /"input\.locatedIn\[0\]" is the id of a Theme, not of a region/,
    ],
    [
      'an unknown initiative kind',
      'createInitiative',
      { ...VALID.createInitiative, kind: 'festival' },
      /at "input\.kind"; Value "festival" does not exist in "InitiativeKind" enum/,
    ],
    [
      'a malformed date',
      'createInitiative',
      { ...VALID.createInitiative, validFrom: '2020-1-5' },
      /at "input\.validFrom"; "2020-1-5" is not a Date: a year, month or day of the calendar as YYYY, YYYY-MM or YYYY-MM-DD/,
    ],
    [
      'a date that is not in the calendar',
      'createInitiative',
      { ...VALID.createInitiative, validFrom: '2021-13-45' },
      /at "input\.validFrom"; "2021-13-45" is not a Date/,
    ],
    [
      'the 30th of February',
      'updateInitiative',
      { ...VALID.updateInitiative, validTo: '2021-02-30' },
      /at "input\.validTo"; "2021-02-30" is not a Date/,
    ],
    [
      'validFrom after validTo',
      'createInitiative',
      { ...VALID.createInitiative, validFrom: '2021-03', validTo: '2020' },
      /"input\.validTo" must not be before validFrom \(2021-03\), not "2020"/,
    ],
    [
      'clearing a required field',
      'updateActor',
      { id: 'lund-university', name: null, sources: [urlCitation] },
      /"input\.name" cannot be cleared/,
    ],
    [
      'an id that is neither slug nor global id',
      'updateActor',
      { id: 'Lund University!', sources: [urlCitation] },
      /"input\.id" must be a slug or the global id of an entity, not "Lund University!"/,
    ],
    [
      'an amount without a currency',
      'createRelationship',
      { ...VALID.createRelationship, amount: 5 },
      /"input\.currency" is required when amount is given/,
    ],
    [
      'a currency that is not ISO 4217',
      'createRelationship',
      { ...VALID.createRelationship, amount: 5, currency: 'kronor' },
      /"input\.currency" must be an ISO 4217 code.*"kronor"/,
    ],
    [
      'a negative amount',
      'createRelationship',
      { ...VALID.createRelationship, amount: -5, currency: 'SEK' },
      /"input\.amount" .*-5/,
    ],
    [
      'a derived type',
      'createRelationship',
      { ...VALID.createRelationship, type: 'SUBTHEME_OF' },
      /"input\.type" cannot be SUBTHEME_OF/,
    ],
    [
      'a relationship to itself',
      'createRelationship',
      { ...VALID.createRelationship, to: 'lund-university' },
      /"input\.to" must be another entity/,
    ],
    [
      'TARGETS_STAGE to an entity that is not a stage',
      'createRelationship',
      { ...VALID.createRelationship, type: 'TARGETS_STAGE' },
      /"input\.to" must be a Stage for TARGETS_STAGE, and "skane" is a Region/,
    ],
    // Issue 14: without limits these reached Neo4j, which refused to index them (INTERNAL_SERVER_ERROR).
    [
      'a 9,000-character slug',
      'createActor',
      { ...VALID.createActor, slug: 'a'.repeat(9000) },
      /^"input\.slug" must be at most 100 characters long, not "a{20}/,
    ],
    [
      'a 90,000-character name',
      'createActor',
      { ...VALID.createActor, name: 'N'.repeat(90_000) },
      /^"input\.name" must be at most 300 characters long, not "N{20}/,
    ],
    [
      'a 90,000-character name in an update',
      'updateActor',
      { id: 'lund-university', name: 'N'.repeat(90_000), sources: [urlCitation] },
      /^"input\.name" must be at most 300 characters long/,
    ],
    [
      '51 aliases',
      'createActor',
      { ...VALID.createActor, aliases: Array.from({ length: 51 }, (_, i) => `Alias ${i}`) },
      /^"input\.aliases" must have at most 50 aliases\.$/,
    ],
    [
      'an alias of 201 characters',
      'createActor',
      { ...VALID.createActor, aliases: ['ok', 'x'.repeat(201)] },
      /^"input\.aliases\[1\]" must be at most 200 characters long/,
    ],
    [
      'a description of 4,001 characters',
      'createInitiative',
      { ...VALID.createInitiative, description: 'd'.repeat(4001) },
      /^"input\.description" must be at most 4000 characters long/,
    ],
    [
      'a role of 201 characters',
      'createRelationship',
      { ...VALID.createRelationship, role: 'r'.repeat(201) },
      /^"input\.role" must be at most 200 characters long/,
    ],
    [
      '21 citations',
      'createActor',
      {
        ...VALID.createActor,
        sources: Array.from({ length: 21 }, (_, i) => ({ ...urlCitation, quote: `Quote ${i}.` })),
      },
      /^"input\.sources" must cite at most 20 sources\.$/,
    ],
    [
      '21 citations given with an update',
      'updateRelationship',
      {
        ...VALID.updateRelationship,
        sources: Array.from({ length: 21 }, (_, i) => ({ ...urlCitation, quote: `Quote ${i}.` })),
      },
      /^"input\.sources" must cite at most 20 sources\.$/,
    ],
    [
      'a quote of 601 characters',
      'createActor',
      { ...VALID.createActor, sources: [{ ...urlCitation, quote: 'q'.repeat(601) }] },
      /^"input\.sources\[0\]\.quote" must be a short quote \(600 characters at most\)/,
    ],
    [
      'the year 9999, month 99, day 99',
      'createInitiative',
      { ...VALID.createInitiative, validTo: '9999-99-99' },
      /at "input\.validTo"; "9999-99-99" is not a Date/,
    ],
  ];

  test.each(cases)('%s is BAD_USER_INPUT naming the field', async (_what, name, input, message) => {
    const before = await graphFingerprint(db);
    const { body } = await mutate(name, input);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(message);
    expect(body.errors![0]!.message).toMatch(/\.$/);
    expect(await graphFingerprint(db)).toEqual(before);
  });
});

test('an update whose citations would take an entity over 20 is refused, and the graph is unchanged', async () => {
  const citations = (from: number) =>
    Array.from({ length: 10 }, (_, i) => ({ ...urlCitation, quote: `Citation ${from + i} of the limit test.` }));
  const created = await mutate('createActor', {
    slug: 'citation-limit-actor',
    kind: 'COMPANY',
    name: 'Citation Limit AB',
    nameEn: 'Citation Limit Ltd',
    sources: citations(0),
  });
  expect(created.body.errors).toBeUndefined();
  const ten = await mutate('updateActor', { id: 'citation-limit-actor', sources: citations(10) });
  expect(ten.body.errors).toBeUndefined();
  expect(ten.body.data.updateActor.sources).toHaveLength(20);
  const before = await graphFingerprint(db);
  const over = await mutate('updateActor', { id: 'citation-limit-actor', sources: citations(20).slice(0, 1) });
  expect(codeOf(over.body)).toBe('BAD_USER_INPUT');
  expect(over.body.errors![0]!.message).toBe(
    '"input.sources" would give the actor 21 citations; a record may have at most 20.',
  );
  expect(await graphFingerprint(db)).toEqual(before);
});

test("a value too large for Neo4j's index, if one got past the limits, is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR", async () => {
  const before = await graphFingerprint(db);
  const refused = await db
    .write(cypher('mutations/createEntity'), {
      label: 'Actor',
      props: { id: 'a'.repeat(9000), name: 'x', sortKey: 'x' },
    })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(refused).toBeInstanceOf(DatabaseRefusedValueError);
  expect((refused as DatabaseRefusedValueError).extensions.code).toBe('BAD_USER_INPUT');
  expect((refused as DatabaseRefusedValueError).message).not.toMatch(/entity_id_unique|element id|property size/i);
  expect(await graphFingerprint(db)).toEqual(before);
});

describe('actors and initiatives', () => {
  test('createActor writes an actor like a seeded one, with its regions, and records who did it', async () => {
    const started = Date.now();
    const { body } = await mutate('createActor', {
      slug: 'acme-biologics',
      kind: 'COMPANY',
      name: 'Acme Biologics AB',
      nameEn: 'Acme Biologics',
      aliases: ['Acme'],
      website: 'https://example.org/acme',
      locatedIn: ['skane', toGlobalId('Region', 'skane')],
      sources: [urlCitation, docCitation],
    });
    expect(body.errors).toBeUndefined();
    const created = body.data.createActor;
    expect(created).toMatchObject({
      id: toGlobalId('Actor', 'acme-biologics'),
      slug: 'acme-biologics',
      kind: 'COMPANY',
      aliases: ['Acme'],
      description: null,
      sources: [
        { ...urlCitation, source: null },
        { ...docCitation, source: { fileName: DOC } },
      ],
    });

    // Read back like any entity: by global id, by slug, by search, with its relationships.
    const read = await postGraphQL(
      server,
      `query ($id: ID!) {
        actor(id: $id) { __typename name relationships(first: 10) { edges { ${EDGE_FIELDS} } } }
        entity(ref: "acme-biologics") { id }
        search(query: "Acme", first: 5) { nodes { slug } }
      }`,
      { id: created.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.actor.__typename).toBe('Company');
    expect(read.body.data.entity.id).toBe(created.id);
    expect(read.body.data.search.nodes.map((n: { slug: string }) => n.slug)).toContain('acme-biologics');
    expect(read.body.data.actor.relationships.edges).toEqual([
      {
        type: 'LOCATED_IN',
        direction: 'OUTGOING',
        role: null,
        amount: null,
        currency: null,
        validFrom: null,
        validTo: null,
        node: { slug: 'skane' },
        sources: [urlCitation, docCitation],
      },
    ]);
    const [origins] = await db.read(cypher('test/originOf'), { id: 'acme-biologics' });
    expect(origins).toEqual({ origin: 'api', relationshipOrigins: ['api'] });

    const trail = await auditTrail({ targetId: 'acme-biologics' });
    expect(trail.totalCount).toBe(1);
    const [event] = trail.nodes;
    expect(event).toMatchObject({
      writer: 'alice',
      operation: 'CREATE_ACTOR',
      targetType: 'Actor',
      targetId: 'acme-biologics',
      target: { slug: 'acme-biologics', name: 'Acme Biologics AB' },
      summary: 'Created the actor "acme-biologics" (Acme Biologics AB).',
      sources: [urlCitation, docCitation],
    });
    const at = Date.parse(event.at);
    expect(at).toBeGreaterThanOrEqual(started - 5000);
    expect(at).toBeLessThanOrEqual(Date.now() + 5000);
    expect(event.changes).toEqual(
      expect.arrayContaining([
        { field: 'kind', before: null, after: '"company"' },
        { field: 'name', before: null, after: '"Acme Biologics AB"' },
        { field: 'locatedIn', before: null, after: '["skane"]' },
      ]),
    );
    // The region's trail shows the event too: it gained a relationship.
    expect((await auditTrail({ targetId: 'skane' })).nodes.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  test('creating an id that exists is refused, and nothing is written', async () => {
    const before = await graphFingerprint(db);
    const again = await mutate('createActor', {
      slug: 'acme-biologics',
      kind: 'COMPANY',
      name: 'Other',
      nameEn: 'Other',
      sources: [urlCitation],
    });
    expect(codeOf(again.body)).toBe('BAD_USER_INPUT');
    expect(again.body.errors![0]!.message).toBe('"input.slug" is already the id of an entity: "acme-biologics".');
    const seeded = await mutate('createInitiative', {
      slug: 'skane',
      kind: 'PROJECT',
      name: 'Skåne',
      nameEn: 'Skåne',
      sources: [urlCitation],
    });
    expect(codeOf(seeded.body)).toBe('BAD_USER_INPUT');
    expect(await graphFingerprint(db)).toEqual(before);
  });

  test('a write whose second step fails leaves nothing of its first', async () => {
    // createActor writes the actor, then its LOCATED_IN relationships: the second statement
    // finds no region "atlantis", and the actor written by the first must go too.
    const before = await graphFingerprint(db);
    const trailBefore = (await auditTrail({})).totalCount;
    const { body } = await mutate('createActor', {
      slug: 'half-written-ab',
      kind: 'COMPANY',
      name: 'Half Written AB',
      nameEn: 'Half Written',
      locatedIn: ['skane', 'atlantis'],
      sources: [urlCitation],
    });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(body.errors![0]!.message).toBe('No region has the id "atlantis" (input.locatedIn[1]).');
    expect(await graphFingerprint(db)).toEqual(before);
    expect((await auditTrail({})).totalCount).toBe(trailBefore);
    expect((await auditTrail({ targetId: 'half-written-ab' })).totalCount).toBe(0);
    const read = await postGraphQL(server, '{ entity(ref: "half-written-ab") { id } }');
    expect(codeOf(read.body)).toBe('NOT_FOUND');
  });

  test('updateActor changes the fields given, adds its citations, and an unchanged repeat writes nothing', async () => {
    const input = {
      id: toGlobalId('Actor', 'acme-biologics'),
      description: 'A maker of biologics in Lund.',
      aliases: ['Acme', 'ACME Bio'],
      sources: [docCitation],
    };
    const { body } = await mutate('updateActor', input, asBob);
    expect(body.errors).toBeUndefined();
    expect(body.data.updateActor).toMatchObject({
      name: 'Acme Biologics AB',
      description: 'A maker of biologics in Lund.',
      aliases: ['Acme', 'ACME Bio'],
      website: 'https://example.org/acme',
      // The doc citation was there already: sources are added once.
      sources: [
        { ...urlCitation, source: null },
        { ...docCitation, source: { fileName: DOC } },
      ],
    });
    const fingerprint = await graphFingerprint(db);
    const repeat = await mutate('updateActor', input, asBob);
    expect(repeat.body.errors).toBeUndefined();
    expect(await graphFingerprint(db)).toEqual(fingerprint);

    const cleared = await mutate('updateActor', { id: 'acme-biologics', website: null, sources: [urlCitation] });
    expect(cleared.body.errors).toBeUndefined();
    expect(cleared.body.data.updateActor.website).toBeNull();

    const trail = await auditTrail({ targetId: 'acme-biologics' });
    expect(trail.nodes.map((e: { operation: string; writer: string }) => [e.operation, e.writer])).toEqual([
      ['UPDATE_ACTOR', 'alice'],
      ['UPDATE_ACTOR', 'bob'],
      ['CREATE_ACTOR', 'alice'],
    ]);
    expect(trail.nodes[1].summary).toBe('Updated the actor "acme-biologics": aliases, description.');
    expect(trail.nodes[1].changes).toEqual([
      { field: 'aliases', before: '["Acme"]', after: '["Acme","ACME Bio"]' },
      { field: 'description', before: null, after: '"A maker of biologics in Lund."' },
    ]);
    expect(trail.nodes[0].changes).toEqual([{ field: 'website', before: '"https://example.org/acme"', after: null }]);
  });

  test('an unknown actor is NOT_FOUND, and an initiative is not an actor', async () => {
    const missing = await mutate('updateActor', { id: 'no-such-actor', name: 'X', sources: [urlCitation] });
    expect(codeOf(missing.body)).toBe('NOT_FOUND');
    expect(missing.body.errors![0]!.message).toBe('No actor has the id "no-such-actor".');
    const region = await mutate('updateActor', { id: 'skane', name: 'X', sources: [urlCitation] });
    expect(codeOf(region.body)).toBe('NOT_FOUND');
  });

  test('createInitiative and updateInitiative', async () => {
    const created = await mutate('createInitiative', {
      slug: 'acme-atmp-programme',
      kind: 'PROGRAMME',
      name: 'Acme ATMP-programmet',
      nameEn: 'Acme ATMP programme',
      validFrom: '2024',
      validTo: '2026-06',
      sources: [urlCitation],
    });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createInitiative).toMatchObject({
      slug: 'acme-atmp-programme',
      kind: 'PROGRAMME',
      validFrom: '2024',
      validTo: '2026-06',
    });

    const badDates = await mutate('updateInitiative', {
      id: 'acme-atmp-programme',
      validFrom: '2027',
      sources: [urlCitation],
    });
    expect(codeOf(badDates.body)).toBe('BAD_USER_INPUT');
    expect(badDates.body.errors![0]!.message).toMatch(/"input\.validTo" must not be before validFrom \(2027\)/);

    const updated = await mutate('updateInitiative', {
      id: toGlobalId('Initiative', 'acme-atmp-programme'),
      description: 'A programme for cell and gene therapies.',
      validTo: null,
      sources: [urlCitation],
    });
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data.updateInitiative).toMatchObject({
      validFrom: '2024',
      validTo: null,
      description: 'A programme for cell and gene therapies.',
    });
    const read = await postGraphQL(server, '{ initiatives(first: 100) { nodes { slug } } }');
    expect(read.body.data.initiatives.nodes.map((n: { slug: string }) => n.slug)).toContain('acme-atmp-programme');
  });
});

describe('relationships', () => {
  const funding = {
    from: 'acme-biologics',
    type: 'FUNDS',
    to: toGlobalId('Initiative', 'acme-atmp-programme'),
    role: 'main funder',
    amount: 2500000,
    currency: 'SEK',
    validFrom: '2024-01-01',
    validTo: '2025',
    sources: [urlCitation],
  };

  test('createRelationship writes a relationship that reads back with its properties and sources', async () => {
    const { body } = await mutate('createRelationship', funding);
    expect(body.errors).toBeUndefined();
    const edge = {
      type: 'FUNDS',
      direction: 'OUTGOING',
      role: 'main funder',
      amount: 2500000,
      currency: 'SEK',
      validFrom: '2024-01-01',
      validTo: '2025',
      node: { slug: 'acme-atmp-programme' },
      sources: [urlCitation],
    };
    expect(body.data.createRelationship).toEqual(edge);
    const read = await postGraphQL(
      server,
      `{ entity(ref: "acme-biologics") { relationships(types: [FUNDS], first: 5) { edges { ${EDGE_FIELDS} } } } }`,
    );
    expect(read.body.data.entity.relationships.edges).toEqual([edge]);
    const incoming = await postGraphQL(
      server,
      `{ entity(ref: "acme-atmp-programme") { relationships(types: [FUNDS], first: 5) { edges { direction node { slug } } } } }`,
    );
    expect(incoming.body.data.entity.relationships.edges).toEqual([
      { direction: 'INCOMING', node: { slug: 'acme-biologics' } },
    ]);

    const [event] = (await auditTrail({ targetId: 'acme-atmp-programme' })).nodes;
    expect(event).toMatchObject({
      operation: 'CREATE_RELATIONSHIP',
      targetType: 'Relationship',
      targetId: 'acme-biologics|FUNDS|acme-atmp-programme|main funder',
      target: null,
      writer: 'alice',
    });
  });

  test('the same relationship again is refused; another role is another relationship', async () => {
    const before = await graphFingerprint(db);
    const again = await mutate('createRelationship', { ...funding, amount: 1, validFrom: null, validTo: null });
    expect(codeOf(again.body)).toBe('BAD_USER_INPUT');
    expect(again.body.errors![0]!.message).toMatch(/exists already; change it with updateRelationship\.$/);
    expect(await graphFingerprint(db)).toEqual(before);

    const coFunder = { ...funding, role: 'co-funder', amount: null, currency: null };
    const other = await mutate('createRelationship', coFunder);
    expect(other.body.errors).toBeUndefined();
    const read = await postGraphQL(
      server,
      `{ entity(ref: "acme-biologics") { relationships(types: [FUNDS], first: 5) { edges { role } } } }`,
    );
    expect(read.body.data.entity.relationships.edges.map((e: { role: string }) => e.role).sort()).toEqual([
      'co-funder',
      'main funder',
    ]);
    const removed = await mutate('deleteRelationship', {
      from: coFunder.from,
      type: coFunder.type,
      to: coFunder.to,
      role: 'co-funder',
      sources: [urlCitation],
    });
    expect(removed.body.errors).toBeUndefined();
  });

  test('a missing endpoint is NOT_FOUND and nothing is written', async () => {
    const before = await graphFingerprint(db);
    const trailBefore = (await auditTrail({})).totalCount;
    const from = await mutate('createRelationship', { ...funding, from: 'no-such-company' });
    expect(codeOf(from.body)).toBe('NOT_FOUND');
    expect(from.body.errors![0]!.message).toBe('No entity has the id "no-such-company" (input.from).');
    const to = await mutate('createRelationship', { ...funding, to: toGlobalId('Initiative', 'skane') });
    expect(codeOf(to.body)).toBe('NOT_FOUND');
    expect(await graphFingerprint(db)).toEqual(before);
    expect((await auditTrail({})).totalCount).toBe(trailBefore);
  });

  test('updateRelationship changes amount and dates, adds citations; deleteRelationship removes it', async () => {
    const identity = { from: funding.from, type: funding.type, to: funding.to, role: funding.role };
    const noRole = await mutate('updateRelationship', { ...identity, role: null, amount: 1, sources: [urlCitation] });
    expect(codeOf(noRole.body)).toBe('NOT_FOUND');
    const { body } = await mutate(
      'updateRelationship',
      { ...identity, amount: 3000000, validTo: null, sources: [docCitation] },
      asBob,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.updateRelationship).toMatchObject({
      amount: 3000000,
      currency: 'SEK',
      validFrom: '2024-01-01',
      validTo: null,
      sources: [urlCitation, docCitation],
    });
    const noCurrency = await mutate('updateRelationship', { ...identity, currency: null, sources: [docCitation] });
    expect(codeOf(noCurrency.body)).toBe('BAD_USER_INPUT');
    expect(noCurrency.body.errors![0]!.message).toMatch(/"input\.currency" is required when amount is given/);

    const deleted = await mutate('deleteRelationship', { ...identity, sources: [urlCitation] });
    expect(deleted.body.errors).toBeUndefined();
    expect(deleted.body.data.deleteRelationship).toMatchObject({ type: 'FUNDS', amount: 3000000 });
    const read = await postGraphQL(
      server,
      `{ entity(ref: "acme-biologics") { relationships(types: [FUNDS], first: 5) { totalCount } } }`,
    );
    expect(read.body.data.entity.relationships.totalCount).toBe(0);
    const gone = await mutate('deleteRelationship', { ...identity, sources: [urlCitation] });
    expect(codeOf(gone.body)).toBe('NOT_FOUND');

    const trail = await auditTrail({ targetId: 'acme-biologics' });
    const [deleteEvent, updateEvent] = trail.nodes;
    expect(deleteEvent).toMatchObject({ operation: 'DELETE_RELATIONSHIP', writer: 'alice' });
    expect(deleteEvent.changes).toEqual(expect.arrayContaining([{ field: 'amount', before: '3000000', after: null }]));
    expect(updateEvent).toMatchObject({ operation: 'UPDATE_RELATIONSHIP', writer: 'bob' });
    expect(updateEvent.changes).toEqual([
      { field: 'amount', before: '2500000', after: '3000000' },
      { field: 'validTo', before: '"2025"', after: null },
      { field: 'sources', before: JSON.stringify([urlCitation]), after: JSON.stringify([urlCitation, docCitation]) },
    ]);
  });
});

describe('the audit trail and the seed', () => {
  test('is a keyset-paged connection, newest first', async () => {
    const all = await auditTrail({});
    expect(all.totalCount).toBeGreaterThanOrEqual(8);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = await auditTrail(
        { first: 3, after },
      );
      seen.push(...page.nodes.map((e) => e.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.nodes.map((e: { id: string }) => e.id));
    const times = all.nodes.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const bad = await postGraphQL(server, AUDIT, { first: 3, after: 'bm9wZQ' }, asAlice);
    expect(codeOf(bad.body)).toBe('BAD_USER_INPUT');
  });

  test('an update of a seeded actor lasts until the next seed reload; API-written data survives it', async () => {
    const seeded = await mutate('updateActor', {
      id: 'lund-university',
      description: 'Updated through the API.',
      sources: [urlCitation],
    });
    expect(seeded.body.errors).toBeUndefined();
    expect(seeded.body.data.updateActor.description).toBe('Updated through the API.');
    const [origins] = await db.read(cypher('test/originOf'), { id: 'lund-university' });
    expect(origins!.origin).toBe('seed');

    await prepareDatabase(db, { reloadSeed: true });
    const read = await postGraphQL(
      server,
      `{ lund: entity(ref: "lund-university") { description sources { document } }
         acme: entity(ref: "acme-biologics") { name relationships(first: 5) { nodes { slug } } }
         programme: entity(ref: "acme-atmp-programme") { slug } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.lund.description).toBeNull();
    expect(read.body.data.lund.sources.map((s: { document: string }) => s.document)).not.toContain(
      urlCitation.document,
    );
    expect(read.body.data.acme).toEqual({ name: 'Acme Biologics AB', relationships: { nodes: [{ slug: 'skane' }] } });
    expect(read.body.data.programme).toEqual({ slug: 'acme-atmp-programme' });
    // The trail outlives the reload.
    expect((await auditTrail({ targetId: 'lund-university' })).nodes[0]).toMatchObject({ operation: 'UPDATE_ACTOR' });
  });
});

describe('round trips', () => {
  test("a mutation's statements count as Cypher round trips of its request, like reads", async () => {
    const ctx = createContext(db, { caller: { writer: 'alice', rejectedCredentials: false }, writesEnabled: true });
    await createInitiative(ctx, {
      slug: 'round-trip-counted',
      kind: 'PROJECT',
      name: 'Räknade rundresor',
      nameEn: 'Counted round trips',
      sources: [urlCitation],
    } as never);
    expect(ctx.queries.names).toEqual(expect.arrayContaining(['mutations/createEntity', 'mutations/createAuditEvent']));
    expect(ctx.queries.count).toBe(ctx.queries.names.length);
  });
});
