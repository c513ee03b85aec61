import { createContext } from '../../src/context';
import type { Database } from '../../src/db/Database';
import { DEFAULT_NETWORK_SETTINGS, networkCacheStats } from '../../src/network/networkHandle';
import { connectTestDatabase, emptyGraph, startTestServer, type TestServer } from './harness';
import { prepareDatabase } from '../../src/bootstrap';

/**
 * The network analysis (metrics, communities, modularity, components, bridges) and the layout
 * (x, y) are computed only when the request selects a field that needs them: against the real seed,
 * a request's evidence is the Cypher it ran (the nodes' sides, read only for an analysis) and the
 * module's counters of analyses and layouts computed (src/network/networkHandle.ts). Each test file
 * runs in its own module registry, so the counters start here, and the server empties the caches.
 */
let db: Database;
let server: TestServer;

async function run(query: string) {
  const ctx = createContext(db);
  const before = { ...networkCacheStats };
  const result = await server.apollo.executeOperation({ query }, { contextValue: ctx });
  const single = (result.body as { kind: 'single'; singleResult: { data?: any; errors?: unknown } }).singleResult;
  expect(single.errors).toBeUndefined();
  return {
    data: single.data,
    queries: ctx.queries.names,
    analyses: networkCacheStats.analyses - before.analyses,
    layouts: networkCacheStats.layouts - before.layouts,
  };
}

async function startServer(network = DEFAULT_NETWORK_SETTINGS) {
  await server?.close();
  server = await startTestServer(db, { settings: { network } });
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  await prepareDatabase(db, { reloadSeed: true });
  await startServer();
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const PLAIN = `{ graph(projection: ACTOR_NETWORK) {
  projection metricsEstimated metricsSampleSize
  nodes { entityId label kind } edges { id source target weight via }
} }`;

describe('graph(...) without a metric, position or community field', () => {
  test('computes no analysis and no layout, and reads no sides', async () => {
    const { data, queries, analyses, layouts } = await run(PLAIN);
    expect(data.graph.nodes.length).toBeGreaterThan(50);
    expect(data.graph.metricsEstimated).toBe(false);
    expect(data.graph.metricsSampleSize).toBeNull();
    expect(queries).not.toContain('nodeSides');
    expect(analyses).toBe(0);
    expect(layouts).toBe(0);
  });

  test('the FULL graph with every plain node and edge field computes none either', async () => {
    const { data, queries, analyses, layouts } = await run(`{ graph {
      nodes { entityId label kind attributes { slug entityType themes regions } }
      edges { id source target type weight via viaTypes attributes { basis negated } sources { document } }
    } }`);
    expect(data.graph.edges.length).toBeGreaterThan(100);
    expect(queries).not.toContain('nodeSides');
    expect([analyses, layouts]).toEqual([0, 0]);
  });
});

describe('graph(...) with them', () => {
  test('a metric computes the analysis once for the whole graph, and no layout', async () => {
    const { data, queries, analyses, layouts } = await run(`{ graph(projection: ACTOR_NETWORK) {
      nodes { entityId metrics { betweenness community } } edges { id bridge }
    } }`);
    expect(data.graph.nodes.every((n: any) => typeof n.metrics.betweenness === 'number')).toBe(true);
    expect(queries.filter((name) => name === 'nodeSides')).toHaveLength(1);
    expect([analyses, layouts]).toEqual([1, 0]);
  });

  test.each(['modularity', 'componentCount', 'communities { id size }'])(
    'Subgraph.%s alone computes the analysis (of a graph not analysed yet)',
    async (field) => {
      // A graph of its own per field (the analysis of ACTOR_NETWORK is cached by now).
      const projection = { modularity: 'FULL', componentCount: 'ACTOR_INITIATIVE', 'communities { id size }': null }[
        field
      ];
      const args = projection ? `projection: ${projection}` : 'filter: { kinds: [UNIVERSITY, COMPANY] }';
      const { queries, analyses, layouts } = await run(`{ graph(${args}) { ${field} } }`);
      expect(queries).toContain('nodeSides');
      expect([analyses, layouts]).toEqual([1, 0]);
    },
  );

  test('x and y compute the layout, not the analysis', async () => {
    const { data, queries, analyses, layouts } = await run(`{ graph(filter: { kinds: [UNIVERSITY] }) {
      nodes { entityId x y }
    } }`);
    expect(data.graph.nodes.every((n: any) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    expect(queries).not.toContain('nodeSides');
    expect([analyses, layouts]).toEqual([0, 1]);
  });

  test('the same selection again is served from the caches', async () => {
    const query = `{ graph(filter: { kinds: [UNIVERSITY] }) { modularity nodes { entityId x y metrics { pageRank } } } }`;
    await run(query);
    const again = await run(query);
    expect([again.analyses, again.layouts]).toEqual([0, 0]);
  });
});

describe('above MEDICON_METRICS_EXACT_MAX_NODES', () => {
  const sampled = { ...DEFAULT_NETWORK_SETTINGS, exactMaxNodes: 20, pivots: 7 };
  beforeAll(() => startServer(sampled));
  afterAll(() => startServer());

  test('Subgraph.metricsEstimated and metricsSampleSize say so, without computing anything', async () => {
    const { data, analyses, layouts } = await run(PLAIN);
    expect(data.graph.nodes.length).toBeGreaterThan(sampled.exactMaxNodes);
    expect(data.graph.metricsEstimated).toBe(true);
    expect(data.graph.metricsSampleSize).toBe(sampled.pivots);
    expect([analyses, layouts]).toEqual([0, 0]);
  });

  test('a graph within the size stays exact', async () => {
    const { data } = await run(
      `{ graph(filter: { kinds: [UNIVERSITY] }) { metricsEstimated metricsSampleSize nodes { entityId } } }`,
    );
    expect(data.graph.nodes.length).toBeLessThanOrEqual(sampled.exactMaxNodes);
    expect(data.graph).toMatchObject({ metricsEstimated: false, metricsSampleSize: null });
  });

  test('the exports say it as graph attributes and in the description', async () => {
    const response = await fetch(`${server.url}/export/graphology?projection=actor-network`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-graph-metrics-estimated')).toBe('true');
    const file = (await response.json()) as { attributes: Record<string, unknown> };
    expect(file.attributes).toMatchObject({ metricsEstimated: true, metricsSampleSize: sampled.pivots });
    expect(file.attributes.description).toContain(`seeded sample of ${sampled.pivots} of the`);
  });

  test('and say exact where they are', async () => {
    await startServer();
    const response = await fetch(`${server.url}/export/cytoscape?projection=actor-network`);
    expect(response.headers.get('x-graph-metrics-estimated')).toBe('false');
    const file = (await response.json()) as { data: Record<string, unknown> };
    expect(file.data).toMatchObject({ metricsEstimated: false, metricsSampleSize: null });
    expect(file.data.description).toContain('Betweenness and closeness are exact.');
  });
});
