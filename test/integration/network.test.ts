import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { parseWriteTokens } from '../../src/auth';
import { SEED_DIR } from '../../src/bootstrap';
import type { Database } from '../../src/db/Database';
import { toGlobalId, type GlobalType } from '../../src/graphql/globalId';
import { networkCacheStats } from '../../src/network/networkHandle';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { toWriteParams } from '../../src/seed/writeSeed';
import { GRAPH_SELECTION_WITH_METRICS, ROUND_TRIP_CHECKS, withPositions, type GraphShape } from '../exportRoundTrip';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';

/**
 * Network metrics, projections and rankings against the real Neo4j and the real seed. What the
 * actor network must hold, which actors lie on which side of the Öresund and which edges bridge
 * it are computed here from the seed files (not from the API's code); the metrics are checked
 * against definitions that need no library (degrees, components, modularity of the returned
 * communities), and every export of the projection is parsed back with an independent parser.
 */
const TOKEN = 'network-test-token-0123456789';
let db: Database;
let server: TestServer;

const seed = toWriteParams(loadSeedFiles(SEED_DIR));
const labelOf = new Map(seed.entities.map((e) => [e.props.id as string, e.label]));
const relationships = seed.relationships.map((r) => ({ from: r.from, type: r.type, to: r.to }));
const globalId = (slug: string) => toGlobalId(labelOf.get(slug)! as GlobalType, slug);
const actorSlugs = seed.entities.filter((e) => e.label === 'Actor').map((e) => e.props.id as string);

/** The actor network by its definition (schema/graph.graphql, GraphProjection.ACTOR_NETWORK): weight by pair. */
function expectedActorNetwork(rels: { from: string; type: string; to: string }[]): Map<string, number> {
  const isActor = (slug: string) => labelOf.get(slug) === 'Actor';
  const weights = new Map<string, number>();
  const pair = (a: string, b: string) => [globalId(a), globalId(b)].sort().join(' ');
  const hubs = new Map<string, Set<string>>();
  for (const r of rels) {
    if (r.type === 'NOT_MEMBER_OF') continue;
    if (isActor(r.from) && isActor(r.to) && r.from !== r.to) {
      weights.set(pair(r.from, r.to), (weights.get(pair(r.from, r.to)) ?? 0) + 1);
    }
    const hub =
      isActor(r.from) && labelOf.get(r.to) === 'Initiative'
        ? [r.to, r.from]
        : isActor(r.to) && labelOf.get(r.from) === 'Initiative'
          ? [r.from, r.to]
          : isActor(r.from) && r.type === 'MEMBER_OF'
            ? [r.to, r.from]
            : null;
    if (hub) hubs.set(hub[0]!, (hubs.get(hub[0]!) ?? new Set()).add(hub[1]!));
  }
  for (const members of hubs.values()) {
    const list = [...members];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        weights.set(pair(list[i]!, list[j]!), (weights.get(pair(list[i]!, list[j]!)) ?? 0) + 1);
  }
  return weights;
}

/** The country side of each entity from the seed: LOCATED_IN or PART_OF, up to Sweden, Denmark or the Copenhagen area. */
function expectedSides(): Map<string, 'SE' | 'DK' | null> {
  const anchors: Record<string, 'SE' | 'DK'> = { sweden: 'SE', denmark: 'DK', 'copenhagen-area': 'DK' };
  const up = new Map<string, string[]>();
  for (const r of relationships)
    if (r.type === 'LOCATED_IN' || r.type === 'PART_OF') up.set(r.from, [...(up.get(r.from) ?? []), r.to]);
  const sides = new Map<string, 'SE' | 'DK' | null>();
  for (const slug of labelOf.keys()) {
    const found = new Set<'SE' | 'DK'>();
    const seen = new Set([slug]);
    let frontier = [slug];
    for (let hop = 0; hop <= 6 && frontier.length > 0; hop++) {
      for (const at of frontier) if (labelOf.get(at) === 'Region' && anchors[at]) found.add(anchors[at]);
      frontier = frontier.flatMap((at) => up.get(at) ?? []).filter((next) => !seen.has(next) && seen.add(next));
    }
    sides.set(slug, found.size === 1 ? [...found][0]! : null);
  }
  return sides;
}

type MetricsShape = {
  degree: number;
  inDegree: number;
  outDegree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
  pageRank: number;
  component: number;
  community: number;
  side: string | null;
  bridge: boolean;
};
type Analysed = GraphShape & {
  projection: string;
  modularity: number;
  componentCount: number;
  communities: { id: number; size: number; label: string }[];
};

async function analysedGraph(projection: string, filter?: Record<string, unknown>): Promise<Analysed> {
  const { body } = await postGraphQL(
    server,
    `query($projection: GraphProjection, $filter: GraphFilter) {
      graph(projection: $projection, filter: $filter) {
        projection modularity componentCount communities { id size label }
        ${GRAPH_SELECTION_WITH_METRICS}
      }
    }`,
    { projection, filter },
  );
  expect(body.errors).toBeUndefined();
  const { graph } = body.data as { graph: Analysed & Parameters<typeof withPositions>[0] };
  return { ...graph, ...withPositions(graph) };
}

const metricsOf = (node: GraphShape['nodes'][number]) => node.metrics as unknown as MetricsShape;

beforeAll(async () => {
  ({ db, server } = await startSeededServer({
    settings: { writeTokens: parseWriteTokens(`network=${TOKEN}`) },
  }));
});
afterAll(() => stopSeededServer(db, server));

describe('graph(projection: ACTOR_NETWORK)', () => {
  let graph: Analysed;
  beforeAll(async () => {
    graph = await analysedGraph('ACTOR_NETWORK');
  });

  test('holds every actor and joins them as the definition says, weighted by the links between them', () => {
    expect(graph.projection).toBe('ACTOR_NETWORK');
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(actorSlugs.map(globalId).sort());
    const drawn = new Map(graph.edges.map((e) => [[e.source, e.target].sort().join(' '), e.weight]));
    expect(drawn).toEqual(expectedActorNetwork(relationships));
    expect(graph.edges.length).toBeGreaterThan(50);
  });

  test('an edge names what joins its actors, and quotes every relationship behind it', () => {
    for (const edge of graph.edges) {
      expect(edge.viaTypes[0]).toBe(edge.type);
      expect(edge.sources.length).toBeGreaterThan(0);
      for (const via of edge.via)
        expect(['Initiative', 'Actor', 'Region', 'Theme', 'Strategy']).toContain(
          labelOf.get(Buffer.from(via, 'base64url').toString().split(':')[1]!),
        );
    }
    const shared = graph.edges.find((e) => e.via.length > 0)!;
    expect(shared).toBeDefined();
  });

  test('degrees count the projected edges and weighted degree their weights', () => {
    for (const node of graph.nodes) {
      const touching = graph.edges.filter((e) => e.source === node.id || e.target === node.id);
      const m = metricsOf(node);
      expect(m.degree).toBe(touching.length);
      expect(m.inDegree + m.outDegree).toBe(m.degree);
      expect(m.weightedDegree).toBeCloseTo(touching.reduce((sum, e) => sum + e.weight, 0));
    }
  });

  test('components: numbered largest first, as many as a union–find over the edges finds', () => {
    const parent = new Map(graph.nodes.map((n) => [n.id, n.id]));
    const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
    for (const e of graph.edges) parent.set(find(e.source), find(e.target));
    const roots = new Set(graph.nodes.map((n) => find(n.id)));
    expect(graph.componentCount).toBe(roots.size);
    const sizes = new Map<number, number>();
    for (const node of graph.nodes)
      sizes.set(metricsOf(node).component, (sizes.get(metricsOf(node).component) ?? 0) + 1);
    const ordered = [...sizes].sort((a, b) => a[0] - b[0]).map(([, size]) => size);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    for (const e of graph.edges) {
      expect(metricsOf(graph.nodes.find((n) => n.id === e.source)!).component).toBe(
        metricsOf(graph.nodes.find((n) => n.id === e.target)!).component,
      );
    }
  });

  test('communities: sizes add up, largest first, and the modularity is Newman’s for them', () => {
    expect(graph.communities.reduce((sum, c) => sum + c.size, 0)).toBe(graph.nodes.length);
    expect(graph.communities.map((c) => c.size)).toEqual(
      [...graph.communities.map((c) => c.size)].sort((a, b) => b - a),
    );
    const community = new Map(graph.nodes.map((n) => [n.id, metricsOf(n).community]));
    const m = graph.edges.reduce((sum, e) => sum + e.weight, 0);
    const inner = new Map<number, number>();
    const total = new Map<number, number>();
    for (const e of graph.edges) {
      const [a, b] = [community.get(e.source)!, community.get(e.target)!];
      if (a === b) inner.set(a, (inner.get(a) ?? 0) + e.weight);
      total.set(a, (total.get(a) ?? 0) + e.weight);
      total.set(b, (total.get(b) ?? 0) + e.weight);
    }
    const q = [...total.keys()].reduce(
      (sum, c) => sum + (inner.get(c) ?? 0) / m - ((total.get(c) ?? 0) / (2 * m)) ** 2,
      0,
    );
    expect(graph.modularity).toBeCloseTo(q, 6);
    expect(graph.modularity).toBeGreaterThan(0.1);
    // Each community is labelled by its member of highest PageRank.
    for (const c of graph.communities) {
      const members = graph.nodes.filter((n) => metricsOf(n).community === c.id);
      const top = Math.max(...members.map((n) => metricsOf(n).pageRank));
      expect(members.filter((n) => metricsOf(n).pageRank === top).map((n) => n.label)).toContain(c.label);
    }
  });

  test('PageRank sums to 1; betweenness and closeness lie in 0..1', () => {
    expect(graph.nodes.reduce((sum, n) => sum + metricsOf(n).pageRank, 0)).toBeCloseTo(1, 6);
    for (const node of graph.nodes) {
      const m = metricsOf(node);
      for (const value of [m.betweenness, m.closeness]) expect(value >= 0 && value <= 1).toBe(true);
    }
  });

  test('sides come from the regions the seed locates each actor in; bridges join Sweden and Denmark', () => {
    const sides = expectedSides();
    const slugOf = (id: string) => graph.nodes.find((n) => n.id === id)!.attributes.slug;
    for (const node of graph.nodes) expect(metricsOf(node).side).toBe(sides.get(node.attributes.slug));
    const danish = graph.nodes.filter((n) => metricsOf(n).side === 'DK');
    // The FIRS documents place DTU in Copenhagen ("Danmarks Tekniske Universitet i Kopenhamn").
    expect(danish.map((n) => n.attributes.slug)).toContain('dtu');
    const bridges = graph.edges.filter((e) => e.bridge);
    const expected = graph.edges.filter((e) => {
      const [a, b] = [sides.get(slugOf(e.source)), sides.get(slugOf(e.target))];
      return a && b && a !== b;
    });
    expect(bridges.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(bridges.length).toBeGreaterThan(0);
    const bridging = new Set(bridges.flatMap((e) => [e.source, e.target]));
    for (const node of graph.nodes) expect(metricsOf(node).bridge).toBe(bridging.has(node.id));
  });

  test('positions come from the seeded layout: the same on every request, not a circle', async () => {
    const again = await analysedGraph('ACTOR_NETWORK');
    expect(again.nodes.map((n) => n.position)).toEqual(graph.nodes.map((n) => n.position));
    const radii = graph.nodes.map((n) => Math.hypot(n.position!.x, n.position!.y));
    expect(Math.max(...radii) - Math.min(...radii)).toBeGreaterThan(1);
  });
});

describe('rankings', () => {
  const RANKINGS = `query($metric: NetworkMetric!, $projection: GraphProjection, $first: Int) {
    rankings(metric: $metric, projection: $projection, first: $first) {
      rank value node { entityId label kind attributes { slug entityType } metrics { betweenness degree pageRank } }
    }
  }`;
  type Ranked = {
    rank: number;
    value: number;
    node: {
      entityId: string;
      label: string;
      kind: string;
      attributes: { slug: string; entityType: string };
      metrics: { betweenness: number; degree: number; pageRank: number };
    };
  };
  const rank = async (variables: Record<string, unknown>) => {
    const { body } = await postGraphQL<{ rankings: Ranked[] }>(server, RANKINGS, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.rankings;
  };

  test('by betweenness in the actor network (the default): actors, highest first, as the graph’s metrics say', async () => {
    const top = await rank({ metric: 'BETWEENNESS', first: 10 });
    expect(top.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of top) expect(r.node.attributes.entityType).toBe('Actor');
    for (let i = 1; i < top.length; i++) expect(top[i]!.value).toBeLessThanOrEqual(top[i - 1]!.value);
    for (const r of top) expect(r.value).toBe(r.node.metrics.betweenness);
    const graph = await analysedGraph('ACTOR_NETWORK');
    const all = graph.nodes.map((n) => metricsOf(n).betweenness).sort((a, b) => b - a);
    expect(top.map((r) => r.value)).toEqual(all.slice(0, 10));
    expect(top[0]!.value).toBeGreaterThan(0);
  });

  test('over the whole mixed graph a theme or a region ranks among the top brokers: why the actor network is the default', async () => {
    const top = await rank({ metric: 'BETWEENNESS', projection: 'FULL', first: 3 });
    expect(top.some((r) => ['Theme', 'Region'].includes(r.node.attributes.entityType))).toBe(true);
  });

  test('by degree in the bipartite actor–initiative graph: actors and initiatives only', async () => {
    const top = await rank({ metric: 'DEGREE', projection: 'ACTOR_INITIATIVE', first: 20 });
    for (const r of top) expect(['Actor', 'Initiative']).toContain(r.node.attributes.entityType);
    for (const r of top) expect(r.value).toBe(r.node.metrics.degree);
  });

  test('`first` beyond the page size limit is BAD_USER_INPUT', async () => {
    const { body } = await postGraphQL(server, RANKINGS, { metric: 'PAGERANK', first: 100000 });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cached per graph version', () => {
  test('the same graph is analysed once; a write that changes it is analysed anew', async () => {
    const query = `{ graph(projection: ACTOR_NETWORK) { modularity edges { source target weight } } }`;
    await postGraphQL(server, query);
    const before = networkCacheStats.analyses;
    const first = await postGraphQL(server, query);
    expect(networkCacheStats.analyses).toBe(before);

    // Two actors the seed does not join, now joined by a curator's write.
    const network = expectedActorNetwork(relationships);
    const [a, b] = (() => {
      for (const x of actorSlugs)
        for (const y of actorSlugs)
          if (x < y && !network.has([globalId(x), globalId(y)].sort().join(' '))) return [x, y];
      throw new Error('Every pair of actors is joined.');
    })() as [string, string];
    const write = await postGraphQL(
      server,
      `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { node { slug } } }`,
      {
        input: {
          from: a,
          type: 'COLLABORATES_WITH',
          to: b,
          sources: [{ document: 'https://example.org/network-test', quote: 'They collaborate.' }],
        },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(write.body.errors).toBeUndefined();
    try {
      const after = await postGraphQL(server, query);
      expect(networkCacheStats.analyses).toBe(before + 1);
      const joined = (after.body.data as { graph: { edges: { source: string; target: string }[] } }).graph.edges;
      expect(
        joined.some((e) => [e.source, e.target].sort().join(' ') === [globalId(a), globalId(b)].sort().join(' ')),
      ).toBe(true);
      expect(after.body.data).not.toEqual(first.body.data);
    } finally {
      const undo = await postGraphQL(
        server,
        `mutation($input: DeleteRelationshipInput!) { deleteRelationship(input: $input) { node { slug } } }`,
        {
          input: {
            from: a,
            type: 'COLLABORATES_WITH',
            to: b,
            sources: [{ document: 'https://example.org/network-test', quote: 'Undone.' }],
          },
        },
        { authorization: `Bearer ${TOKEN}` },
      );
      expect(undo.body.errors).toBeUndefined();
    }
  });
});

describe('exports of a projection carry the metrics', () => {
  test.each(Object.keys(ROUND_TRIP_CHECKS))(
    '%s?projection=actor-network reads back as the graph query',
    async (format) => {
      const graph = await analysedGraph('ACTOR_NETWORK');
      const response = await fetch(`${server.url}/export/${format}?projection=actor-network`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-graph-projection')).toBe('ACTOR_NETWORK');
      ROUND_TRIP_CHECKS[format]!(await response.text(), graph);
    },
  );

  test('Gephi’s node table has a column per metric, and GEXF declares them with their types', async () => {
    const csv = await (await fetch(`${server.url}/export/gephi-nodes?projection=ACTOR_NETWORK`)).text();
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const graph = await analysedGraph('ACTOR_NETWORK');
    const byId = new Map(graph.nodes.map((n) => [n.id, metricsOf(n)]));
    for (const row of rows) {
      const m = byId.get(row.Id!)!;
      expect(Number(row.betweenness)).toBe(m.betweenness);
      expect(Number(row.pageRank)).toBe(m.pageRank);
      expect(Number(row.community)).toBe(m.community);
      expect(row.bridge).toBe(String(m.bridge));
    }
    const gexf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await (await fetch(`${server.url}/export/gexf?projection=actor-network`)).text(),
    );
    const declared = (
      gexf.gexf.graph.attributes as { class: string; attribute: { id: string; type: string }[] }[]
    ).find((a) => a.class === 'node')!;
    const types = Object.fromEntries(declared.attribute.map((a) => [a.id, a.type]));
    expect(types).toMatchObject({ degree: 'integer', betweenness: 'double', community: 'integer', bridge: 'boolean' });
    expect(gexf.gexf.meta.description).toContain('projection ACTOR_NETWORK');
  });

  test('an unknown projection is BAD_USER_INPUT naming the choices', async () => {
    const response = await fetch(`${server.url}/export/gexf?projection=everything`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain(
      'FULL, ACTOR_NETWORK, ACTOR_INITIATIVE',
    );
  });
});
