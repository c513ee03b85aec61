import { createContext } from '../../src/context';
import type { Database } from '../../src/db/Database';
import { TYPED_RELATIONSHIPS, type TypedRelationship } from '../../src/graphql/typedRelationships';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';

/**
 * The typed relationship fields (schema/typedRelationships.graphql) against the real seed: each
 * answers exactly the edges of `relationships(types: …, direction: …)` on the same entity (the
 * other end's label filtered where its table row says), with the same cursors and properties, and
 * a level of typed fields costs one batched Cypher round trip per field.
 */
let db: Database;
let server: TestServer;
beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

async function query(text: string) {
  const response = await postGraphQL(server, text);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

const EDGE = `edges {
  cursor type direction negated role amount currency validFrom validTo basis basisNote derived
  node { __typename slug }
  sources { document quote }
}
pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
totalCount`;

const rowOf = (owner: string, field: string): TypedRelationship => {
  const row = TYPED_RELATIONSHIPS.find((entry) => entry.owner === owner && entry.field === field);
  if (!row) throw new Error(`no typed field ${owner}.${field}`);
  return row;
};

/** The GraphQL type names of the graph labels a row keeps (an Actor is any actor type). */
const ACTOR_TYPES = new Set([
  'University',
  'Hospital',
  'SciencePark',
  'Incubator',
  'InnovationOffice',
  'Investor',
  'ResearchInfrastructure',
  'PublicBody',
  'Network',
  'Company',
  'Foundation',
]);
const hasLabel = (typename: string, labels: readonly string[]) =>
  labels.some((label) => (label === 'Actor' ? ACTOR_TYPES.has(typename) : typename === label));

/** Entities of the seed with edges of the field's types, and the field, as [slug, owner, field]. */
const cases: [string, string, string][] = [
  ['innovation-skane', 'Actor', 'ownedBy'],
  ['innovation-skane', 'Actor', 'fundedBy'],
  ['region-skane', 'Actor', 'owns'],
  ['region-skane', 'Actor', 'funds'],
  ['genomic-medicine-sweden', 'Actor', 'memberOf'],
  ['lund-university', 'Actor', 'partnerIn'],
  ['lund-university', 'Actor', 'locatedIn'],
  ['invest-in-skane', 'Actor', 'themes'],
  ['lu-innovation', 'Actor', 'runs'],
  ['medeon', 'Actor', 'arranges'],
  ['lu-business-track', 'Initiative', 'runBy'],
  ['cohes3ion', 'Initiative', 'partners'],
  ['firs-ls-agenda', 'Strategy', 'priorities'],
  ['firs-ls-agenda', 'Strategy', 'publishedBy'],
  ['sydsverige', 'Region', 'actors'],
  ['sydsverige', 'Region', 'parts'],
];

test.each(cases)('%s: %s.%s answers the edges of relationships(types, direction) on it', async (slug, owner, field) => {
  const row = rowOf(owner, field);
  const data = await query(`{
    entity(ref: "${slug}") {
      ... on ${owner} { typed: ${field}(first: 100) { ${EDGE} } }
      generic: relationships(types: [${row.types.join(', ')}], direction: ${row.direction}, first: 100) { ${EDGE} }
    }
  }`);
  const { typed, generic } = data.entity;
  const expected = row.labels
    ? generic.edges.filter((edge: any) => hasLabel(edge.node.__typename, row.labels!))
    : generic.edges;
  // The cases are chosen so that every field has something to answer.
  expect(typed.edges.length).toBeGreaterThan(0);
  expect(typed.edges).toEqual(expected);
  expect(typed.totalCount).toBe(expected.length);
  expect(typed.pageInfo).toEqual({
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: expected[0].cursor,
    endCursor: expected[expected.length - 1].cursor,
  });
});

test('the seed states them: Region Skåne owns Innovation Skåne; LU Innovation and LU Ventures run Business Track', async () => {
  const data = await query(`{
    innovationSkane: actor(id: "innovation-skane") { ownedBy(first: 10) { edges { role basis node { slug } sources { document quote } } } }
    businessTrack: entity(ref: "lu-business-track") { ... on Initiative { runBy(first: 10) { edges { type basis node { slug } } } } }
  }`);
  expect(data.innovationSkane.ownedBy.edges).toEqual([
    {
      role: 'wholly owned subsidiary',
      basis: 'STATED',
      node: { slug: 'region-skane' },
      sources: [
        {
          document: '002_18ae22799d8cc1a7.txt',
          quote: 'Innovation Skåne is a wholly owned subsidiary of Region Skåne.',
        },
        { document: '002_18ae22799d8cc1a7.txt', quote: 'Region Skåne’s innovation company' },
      ],
    },
  ]);
  expect(data.businessTrack.runBy.edges.map((edge: any) => [edge.type, edge.basis, edge.node.slug]).sort()).toEqual([
    ['OPERATES', 'IMPLIED', 'lu-innovation'],
    ['OPERATES', 'IMPLIED', 'lu-ventures'],
  ]);
});

test('Actor.themes keeps only themes: every other end is a Theme, and FOCUSES_ON to a non-theme is left out', async () => {
  const data = await query(`{
    actors(first: 100) {
      nodes {
        slug
        themes(first: 100) { totalCount edges { type node { __typename } } }
        generic: relationships(types: [${rowOf('Actor', 'themes').types.join(', ')}], direction: OUTGOING, first: 100) {
          edges { node { __typename } }
        }
      }
    }
  }`);
  let left = 0;
  for (const actor of data.actors.nodes) {
    expect(actor.themes.edges.every((edge: any) => edge.node.__typename === 'Theme')).toBe(true);
    expect(actor.themes.totalCount).toBe(actor.themes.edges.length);
    const themes = actor.generic.edges.filter((edge: any) => edge.node.__typename === 'Theme').length;
    expect(actor.themes.edges.length).toBe(themes);
    left += actor.generic.edges.length - themes;
  }
  // The filter has work to do: some helping relationships end at an actor, initiative or stage.
  expect(left).toBeGreaterThan(0);
});

test('a typed field pages backward and forward with the cursors of relationships', async () => {
  const data = await query(`{
    entity(ref: "firs-ls-agenda") {
      ... on Strategy {
        all: priorities(first: 100) { edges { cursor } }
        last: priorities(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } }
      }
    }
  }`);
  const all = data.entity.all.edges.map((edge: any) => edge.cursor);
  expect(all.length).toBeGreaterThan(3);
  expect(data.entity.last.edges.map((edge: any) => edge.cursor)).toEqual(all.slice(-2));
  expect(data.entity.last.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
  const before = await query(`{
    entity(ref: "firs-ls-agenda") {
      ... on Strategy { priorities(last: 1, before: "${all[all.length - 2]}") { edges { cursor } } }
    }
  }`);
  expect(before.entity.priorities.edges.map((edge: any) => edge.cursor)).toEqual([all[all.length - 3]]);
});

test('50 actors with memberOf and locatedIn, and locatedIn of their memberships: one planned query, or one per field and level unplanned', async () => {
  for (const planner of [true, false]) await typedFieldsUnder50Actors(planner);
});

async function typedFieldsUnder50Actors(planner: boolean) {
  const ctx = createContext(db, { planner });
  const result = await server.apollo.executeOperation(
    {
      query: `{
        actors(first: 50) {
          nodes {
            slug
            memberOf(first: 10) { totalCount edges { node { slug ... on Actor { locatedIn(first: 5) { edges { node { slug } } } } } } }
            locatedIn(first: 5) { edges { node { slug } } }
          }
        }
      }`,
    },
    { contextValue: ctx },
  );
  const single = (result.body as { kind: 'single'; singleResult: { data?: any; errors?: unknown } }).singleResult;
  expect(single.errors).toBeUndefined();
  const actors = single.data.actors.nodes;
  expect(actors).toHaveLength(50);
  // Both fields have answers to batch: the seed holds few actor memberships, many locations.
  expect(actors.filter((actor: any) => actor.memberOf.edges.length > 0).length).toBeGreaterThan(0);
  expect(actors.filter((actor: any) => actor.locatedIn.edges.length > 0).length).toBeGreaterThan(20);
  const names = [...ctx.queries.names].sort();
  if (planner) expect(names).toEqual(['planner/actors']);
  else
    expect(names).toEqual([
      'actorsPage',
      'relationshipCountsByEntity',
      // memberOf and locatedIn of the 50 actors, then locatedIn of their memberships.
      'relationshipsByEntity',
      'relationshipsByEntity',
      'relationshipsByEntity',
    ]);
}
