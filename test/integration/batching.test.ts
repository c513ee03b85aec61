import { createContext } from '../../src/context';
import type { Database } from '../../src/db/Database';
import { type TestServer, startSeededServer, stopSeededServer } from './harness';

/**
 * Batching is asserted by counting the Cypher round trips of one request, against the real seed:
 * every level of relationships costs one query, however many parents it has. The root list and
 * two levels of relationship fields under it are one planned statement (src/planner/; its shapes
 * are tested in planner.test.ts); the levels below go through the loaders.
 */
let db: Database;
let server: TestServer;
beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

async function run(query: string) {
  const ctx = createContext(db);
  const result = await server.apollo.executeOperation({ query }, { contextValue: ctx });
  const single = (result.body as { kind: 'single'; singleResult: { data?: any; errors?: unknown } }).singleResult;
  expect(single.errors).toBeUndefined();
  return { data: single.data, queries: ctx.queries.names };
}

/** Counts the distinct entities a nested result touches at each level. */
function entitiesAtLevels(data: any): number[] {
  const levels: Set<string>[] = [new Set(), new Set(), new Set(), new Set()];
  const walk = (nodes: any[], level: number) => {
    for (const node of nodes) {
      levels[level]!.add(node.slug);
      if (node.relationships)
        walk(
          node.relationships.edges.map((e: any) => e.node),
          level + 1,
        );
    }
  };
  walk(data.actors.nodes, 0);
  return levels.map((s) => s.size);
}

const threeLevels = `{
  actors(first: 50) {
    nodes {
      slug
      relationships(first: 10) { edges { node {
        slug
        relationships(first: 10) { edges { node {
          slug
          relationships(first: 5) { edges { type node { slug } } }
        } } }
      } } }
    }
  }
}`;

test('50 actors and three nested levels of relationships cost one planned query for the root and two levels, then one per level', async () => {
  const { data, queries } = await run(threeLevels);
  const touched = entitiesAtLevels(data);
  expect(touched[0]).toBe(50);
  // The levels really fan out: many parents at each level, each answered by one batched query.
  expect(touched[1]).toBeGreaterThan(20);
  expect(touched[2]).toBeGreaterThan(20);
  expect(touched[3]).toBeGreaterThan(20);
  expect(queries).toEqual(['planner/actors', 'relationshipsByEntity']);
});

test('counts, figures and cited sources are batched per level too', async () => {
  const { queries } = await run(`{
    actors(first: 50) {
      totalCount
      nodes {
        figures { metric value }
        sources { source { title } }
        relationships(first: 10) {
          totalCount
          edges { sources { source { title } } node { slug relationships(first: 3) { totalCount edges { type } } } }
        }
      }
    }
  }`);
  const count = (name: string) => queries.filter((q) => q === name).length;
  // The page, its count, two levels of relationships and their counts: one planned statement.
  expect(count('planner/actors')).toBe(1);
  expect(count('actorsPage') + count('actorsCount')).toBe(0);
  expect(count('figuresByEntity')).toBe(1);
  expect(count('relationshipsByEntity')).toBe(0);
  expect(count('relationshipCountsByEntity')).toBe(0);
  // Sources are asked for at two places (actor citations and relationship citations) that
  // resolve in different ticks; each costs at most one query.
  expect(count('sourcesById')).toBeLessThanOrEqual(2);
  expect(queries.length).toBeLessThanOrEqual(6);
});
