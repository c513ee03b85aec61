import { loadApiSettings } from '../../src/config';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { ErrorCode } from '../../src/errors';
import { neighbourhood, paths } from '../../src/queries/graphQueries';
import { ProfilingDatabase, profilingContext } from '../profilingDatabase';
import { postGraphQL, startSeededServer, startTestServer, stopSeededServer, type TestServer } from './harness';
import { seedGraph, shortestDistance } from './seedGraph';

/**
 * Issue 14, finding 1: `paths` and `neighbourhood` never fall back to an exhaustive expansion.
 * Each worst case runs through the query function the API calls (the same Cypher files and
 * parameters, its loaders too), every read under PROFILE, and the request's database hits (the
 * sum of `dbHits` over each plan tree) must stay under a fixed bound.
 *
 * Before: cypher/shortestPaths.cypher was `allShortestPaths((a)-[*..6]-(b))` with the type and
 * label filters in WHERE, and Neo4j 5.26 fell back to an exhaustive variable-length expansion
 * when no path passed them: 6,601,230 db hits (5.5 s) for the request below, and
 * 5,293,472 for the biggest hub to an entity with no relationships over every type (PROFILE of
 * the old file against the seed, measured once). The neighbourhood at depth 3 from the biggest hub
 * read about 34,000 (30,025 in its walk and hopsAmong, 24,000 of them re-reading the entities).
 * Then: ALL SHORTEST over a quantified path pattern, bounded (85 db hits for the request)
 * but 3.7 s p50 at 100,000 synthetic actors (npm run bench, w7-paths). Now: allShortestPaths with
 * the types written into its pattern and no predicate on the path: 79 db hits for the issue's
 * request (46 in shortestPaths), 152 for the hub to an entity with no relationships (120), and
 * 17,385 for the neighbourhood (all of it, loads included; PROFILE against the seed, once each).
 */
const PATHS_DB_HITS = 10_000;
const NEIGHBOURHOOD_DB_HITS = 25_000;

const g = seedGraph();
let db: Database;
let server: TestServer;
let hub: string;
beforeAll(async () => {
  ({ db, server } = await startSeededServer());
  const [row] = await db.read(cypher('test/entityWithManyRelationships'), { max: 1_000_000 });
  hub = row!.id as string;
});
afterAll(async () => {
  await stopSeededServer(db, server);
});

/** The request: no INCUBATES path joins the two, so an unbounded search would try every other one. */
const WORST_PATHS = {
  from: 'life-science-health',
  to: 'firs-ls-agenda',
  maxHops: 6,
  relationshipTypes: ['INCUBATES' as const],
  first: 1,
};

describe('paths is one bounded search', () => {
  test("the issue's request, with no path passing the filter, stays under the bound", async () => {
    const profiled = new ProfilingDatabase(db);
    expect(await paths(profilingContext(profiled), WORST_PATHS)).toEqual([]);
    expect(profiled.reads.map((r) => r.query)).toEqual(['entitiesById', 'shortestPaths']);
    expect(profiled.dbHits).toBeLessThan(PATHS_DB_HITS);
  });

  test('every type, 6 hops, from the biggest hub to an entity it cannot reach stays under the bound', async () => {
    const linked = new Set(g.edges.flatMap((e) => [e.from, e.to]));
    const unreachable = [...g.entities.keys()].find((id) => !linked.has(id));
    expect(unreachable).toBeDefined();
    const profiled = new ProfilingDatabase(db);
    expect(await paths(profilingContext(profiled), { from: hub, to: unreachable!, maxHops: 6, first: 100 })).toEqual(
      [],
    );
    expect(profiled.dbHits).toBeLessThan(PATHS_DB_HITS);
  });

  test('the bounded search finds what a breadth-first search of the seed finds, with and without type filters', async () => {
    const typeSets = [null, ['PART_OF', 'LOCATED_IN'], ['FUNDS', 'SUPPORTS', 'PARTNER_IN', 'MEMBER_OF', 'OPERATES']];
    const targets = [...g.entities.keys()].filter((id) => id !== hub).slice(0, 40);
    let found = 0;
    for (const types of typeSets) {
      for (const to of targets) {
        const distance = shortestDistance(g, hub, to, types);
        const { body } = await postGraphQL(
          server,
          'query ($from: ID!, $to: ID!, $types: [RelationshipType!]) { paths(from: $from, to: $to, maxHops: 6, relationshipTypes: $types, first: 100) { length hops { type } } }',
          { from: hub, to, types },
        );
        expect(body.errors).toBeUndefined();
        const got = body.data.paths as { length: number; hops: { type: string }[] }[];
        if (distance === null || distance > 6) {
          expect(got).toEqual([]);
          continue;
        }
        found += 1;
        expect(got.length).toBeGreaterThan(0);
        for (const path of got) {
          expect(path.length).toBe(distance);
          if (types) for (const hop of path.hops) expect(types).toContain(hop.type);
        }
      }
    }
    // The sample holds paths to find, not only misses.
    expect(found).toBeGreaterThan(10);
  });
});

test('neighbourhood at depth 3 from the biggest hub, 500 entities, stays under the bound', async () => {
  const profiled = new ProfilingDatabase(db);
  const answer = await neighbourhood(profilingContext(profiled), { id: hub, depth: 3, first: 500 });
  expect(answer.nodes.length).toBeGreaterThan(100);
  // Every hop's ends are the centre or an entity of the answer, loaded once.
  const ids = new Set([hub, ...answer.nodes.map((n) => n.node.id)]);
  for (const hop of answer.hops) expect(ids.has(hop.from.id) && ids.has(hop.to.id)).toBe(true);
  // Over the bound, the failure lists each read's hits, so that it says which query went over.
  expect(profiled.dbHits < NEIGHBOURHOOD_DB_HITS ? [] : profiled.reads).toEqual([]);
});

describe('a request holds only a few searches', () => {
  const defaults = loadApiSettings({}).limits;
  const worstPaths = (count: number) =>
    `{ ${Array.from(
      { length: count },
      (_, i) =>
        `a${i}: paths(from: "life-science-health", to: "firs-ls-agenda", maxHops: 6, relationshipTypes: [INCUBATES], first: 1) { length }`,
    ).join(' ')} }`;

  test('30 aliases of the worst paths request are refused before they run', async () => {
    const { status, body } = await postGraphQL(server, worstPaths(30));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({
      code: ErrorCode.QUERY_TOO_COMPLEX,
      limit: 'expensiveFields',
      max: defaults.maxExpensiveFields,
      found: 30,
    });
    expect(body.errors![0]!.message).toBe(
      "The query's number of graph searches (`paths` and `neighbourhood` fields) is 30; the limit is 3.",
    );
  });

  test('with the search limit raised, their cost refuses them: 30 × 6,001 rows is over 100,000', async () => {
    const lenient = await startTestServer(db, { settings: { limits: { ...defaults, maxExpensiveFields: 100 } } });
    try {
      const { status, body } = await postGraphQL(lenient, worstPaths(30));
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions).toMatchObject({
        code: ErrorCode.QUERY_TOO_COMPLEX,
        limit: 'cost',
        max: defaults.maxCost,
        found: 30 * 6001,
      });
    } finally {
      await lenient.close();
    }
  });

  test('three searches are answered', async () => {
    const { body } = await postGraphQL(server, worstPaths(3));
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a0: [], a1: [], a2: [] });
  });
});
