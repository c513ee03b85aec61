import { createContext } from '../../src/context';
import type { Database } from '../../src/db/Database';
import { type TestServer, startSeededServer, stopSeededServer } from './harness';
import { seedGraph } from './seedGraph';

/**
 * The planner (src/planner/) against the real seed: the shapes users send most (the benchmark's
 * member page, first and later pages of actors, a filtered page with its count, a search with
 * relationships on its hits) cost one Cypher round trip each, and answer exactly what the same
 * request answers with the planner off, level by level through the loaders.
 */
let db: Database;
let server: TestServer;
beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

async function run(query: string, variables: Record<string, unknown>, planner: boolean) {
  const ctx = createContext(db, { planner });
  const result = await server.apollo.executeOperation({ query, variables }, { contextValue: ctx });
  const single = (result.body as { kind: 'single'; singleResult: { data?: any; errors?: any[] } }).singleResult;
  return { data: single.data, errors: single.errors, queries: ctx.queries.names };
}

/** Runs `query` planned and not; expects the same answer, and returns both runs. */
async function planned(query: string, variables: Record<string, unknown> = {}) {
  const [on, off] = [await run(query, variables, true), await run(query, variables, false)];
  expect(on.errors).toBeUndefined();
  expect(off.errors).toBeUndefined();
  expect(on.data).toEqual(off.data);
  return { on, off };
}

const seed = seedGraph();

/** The entity with the most incoming MEMBER_OF relationships: the member page's hub. */
function hub(): string {
  const members = new Map<string, number>();
  for (const edge of seed.edges.filter((e) => e.type === 'MEMBER_OF'))
    members.set(edge.to, (members.get(edge.to) ?? 0) + 1);
  return [...members.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** The theme and region (slugs) that the most actors share, for the filter with a count. */
function themeAndRegion(): [string, string] {
  const pairs = new Map<string, number>();
  for (const focus of seed.edges.filter((e) => e.type === 'FOCUSES_ON' && seed.entities.get(e.to)?.label === 'Theme'))
    for (const place of seed.out(focus.from, ['LOCATED_IN'])) {
      if (seed.entities.get(focus.from)?.label !== 'Actor') continue;
      const key = `${focus.to} ${place.to}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  const best = [...pairs.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  return best.split(' ') as [string, string];
}

const memberPage = `query MemberPage($ref: ID!, $first: Int!) {
  entity(ref: $ref) {
    slug name
    relationships(types: [MEMBER_OF], direction: INCOMING, first: $first) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor role node { slug name } }
    }
  }
}`;

test('the member page (an entity, a page of its members, totalCount, pageInfo) is one query', async () => {
  const { on, off } = await planned(memberPage, { ref: hub(), first: 3 });
  expect(on.data.entity.relationships.edges.length).toBeGreaterThan(0);
  expect(on.queries).toEqual(['planner/entity']);
  expect([...off.queries].sort()).toEqual(['entitiesById', 'relationshipCountsByEntity', 'relationshipsByEntity']);
});

test('actor(id) with two relationship fields, provenance and fragments is one query', async () => {
  const [actor] = [...seed.entities.values()].filter(
    (e) => e.label === 'Actor' && seed.out(e.id, ['LOCATED_IN']).length,
  );
  const query = `query Actor($id: ID!) {
    actor(id: $id) {
      id slug name nameEn kind aliases description website
      sources { quote }
      ... on Entity { all: relationships(first: 5) { totalCount edges { type direction negated basis derived role sources { quote } node { id slug name ... on Actor { kind } } } } }
      places: relationships(types: [LOCATED_IN], direction: OUTGOING, first: 2) { nodes { __typename slug nameEn } pageInfo { hasNextPage } }
    }
  }`;
  const { on } = await planned(query, { id: actor!.id });
  expect(on.data.actor.places.nodes.length).toBeGreaterThan(0);
  expect(on.queries).toEqual(['planner/entity']);
});

test('an unknown entity is NOT_FOUND, planned or not', async () => {
  const [on, off] = [
    await run(memberPage, { ref: 'no-such-entity', first: 3 }, true),
    await run(memberPage, { ref: 'no-such-entity', first: 3 }, false),
  ];
  expect(on.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(on.errors?.[0]?.message).toBe(off.errors?.[0]?.message);
});

const actorsPage = `query ActorsPage($first: Int!, $after: String) {
  actors(first: $first, after: $after) {
    nodes { slug name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

test('page 1 and a later page of actors are one query each, with exact pageInfo', async () => {
  const first = await planned(actorsPage, { first: 7 });
  expect(first.on.queries).toEqual(['planner/actors']);
  const later = await planned(actorsPage, { first: 7, after: first.on.data.actors.pageInfo.endCursor });
  expect(later.on.data.actors.pageInfo.hasPreviousPage).toBe(true);
  expect(later.on.queries).toEqual(['planner/actors']);
  // Past the last actor: an empty page, with actors before it.
  let after: string | null = null;
  for (let more = true; more;) {
    const page = await run(actorsPage, { first: 100, after }, true);
    ({ hasNextPage: more, endCursor: after } = page.data.actors.pageInfo);
  }
  const end = await planned(actorsPage, { first: 5, after });
  expect(end.on.data.actors.nodes).toEqual([]);
  expect(end.on.data.actors.pageInfo.hasPreviousPage).toBe(true);
});

test('a filter through a theme and a region with totalCount is one query, names resolved inside it', async () => {
  const [theme, region] = themeAndRegion();
  const query = `query FilterCount($theme: String!, $region: String!, $first: Int!) {
    actors(filter: { themes: [$theme], regions: [$region] }, first: $first) {
      totalCount nodes { slug name } pageInfo { hasNextPage endCursor }
    }
  }`;
  const { on, off } = await planned(query, { theme, region, first: 2 });
  expect(on.data.actors.totalCount).toBeGreaterThan(0);
  expect(on.queries).toEqual(['planner/actors']);
  expect([...off.queries].sort()).toEqual(['actorsCountRelated', 'actorsPage', 'entitiesByName', 'entitiesByName']);
});

test('an unknown theme name gives the same error planned or not', async () => {
  const query = '{ actors(filter: { themes: ["no such theme"] }, first: 3) { nodes { slug } } }';
  const [on, off] = [await run(query, {}, true), await run(query, {}, false)];
  expect(on.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(on.errors).toEqual(off.errors);
});

test('a search with two relationship fields on its hits is one query', async () => {
  const query = `query Search($text: String!, $first: Int!, $per: Int!) {
    search(query: $text, kinds: [ACTOR], first: $first) {
      totalCount
      edges {
        score cursor
        node {
          slug name
          regions: relationships(types: [LOCATED_IN], direction: OUTGOING, first: $per) { nodes { slug name } }
          themes: relationships(types: [FOCUSES_ON], direction: OUTGOING, first: $per) { nodes { slug name } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const { on } = await planned(query, { text: 'lund', first: 10, per: 3 });
  expect(on.data.search.edges.length).toBeGreaterThan(0);
  expect(on.queries).toEqual(['planner/search']);
});

test('the fan-out (actors, two relationship fields, and one on the nodes of the second) is one query', async () => {
  const query = `query FanOut($actors: Int!, $per: Int!) {
    actors(first: $actors) {
      nodes {
        slug name
        themes: relationships(types: [FOCUSES_ON], direction: OUTGOING, first: $per) { nodes { slug name } }
        initiatives: relationships(types: [PARTNER_IN], direction: OUTGOING, first: $per) {
          totalCount
          nodes {
            slug name
            backers: relationships(types: [FUNDS, OPERATES, PARTNER_IN], direction: INCOMING, first: $per) {
              totalCount
              pageInfo { hasNextPage }
              edges { cursor role node { slug name } }
            }
          }
        }
      }
    }
  }`;
  const { on } = await planned(query, { actors: 60, per: 3 });
  // The seed really has this shape: initiatives under actors, their backers under those initiatives.
  const backers = on.data.actors.nodes.flatMap((actor: any) =>
    actor.initiatives.nodes.flatMap((initiative: any) => initiative.backers.edges),
  );
  expect(backers.length).toBeGreaterThan(5);
  expect(on.queries).toEqual(['planner/actors']);
});

test('typed relationship fields on planned nodes are read in the same statement, the second level included', async () => {
  const query = `query Typed($ref: ID!, $per: Int!) {
    entity(ref: $ref) {
      slug
      ... on Actor {
        locatedIn(first: $per) { totalCount nodes { slug } }
        partnerIn(first: $per) {
          nodes { slug ... on Initiative { partners(first: $per) { totalCount nodes { slug name } } } }
        }
      }
    }
    actors(first: 30) {
      nodes { slug locatedIn(first: $per) { nodes { slug } } partnerIn(first: $per) { totalCount nodes { slug } } }
    }
  }`;
  const { on } = await planned(query, { ref: 'lund-university', per: 5 });
  expect(on.data.entity.locatedIn.totalCount).toBeGreaterThan(0);
  expect(on.data.actors.nodes.some((actor: any) => actor.partnerIn.totalCount > 0)).toBe(true);
  expect([...on.queries].sort()).toEqual(['planner/actors', 'planner/entity']);
});

test('what the planner leaves to the loaders (the level below its statement) still batches per level', async () => {
  const query = `{
    actors(first: 10) {
      nodes { slug relationships(first: 3) { edges { node { slug relationships(first: 2) { edges { node {
        slug relationships(first: 2) { totalCount edges { type } }
      } } } } } } }
    }
  }`;
  const { on } = await planned(query);
  expect(on.queries).toEqual(['planner/actors', 'relationshipsByEntity', 'relationshipCountsByEntity']);
});
