import { UndirectedGraph } from 'graphology';
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { GraphCommunityModel, GraphNodeMetricsModel, NetworkAnalysisModel } from '../models';
import { NETWORK_SEED, seededRandom } from './seededRandom';
import type { Side } from './sides';

/**
 * The network metrics of one graph (GraphNodeMetrics, Subgraph.modularity/communities/
 * componentCount), from graphology's libraries. A pure function of the nodes, edges and sides, so
 * that unit tests check it on small graphs with known answers and the benchmark times it at scale.
 *
 * Degrees count the edges as given (directed, parallel edges each). Everything else reads the graph
 * as undirected and simple: parallel edges (and both directions) are merged, their weights added,
 * self-loops dropped, because a broker joins others whichever way the relationships point.
 * Betweenness and closeness use hop counts (weights are strengths, not distances); PageRank and
 * Louvain use the weights. Louvain's moves follow a seeded random source, so one graph always gets
 * the same communities; components and communities are numbered by size, largest first, ties in
 * node order.
 *
 * Betweenness and closeness cost a breadth-first search per node (Brandes): exact up to
 * `exactMaxNodes` nodes (graphology-metrics), estimated above it from `pivots` seeded source nodes
 * (Brandes and Pich 2007: the pivots' dependencies scaled by n / pivots; closeness from the mean
 * distance to the pivots in the node's component).
 */
export interface AnalysisNode {
  id: string;
  label: string;
}

export interface AnalysisEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
}

export interface AnalysisOptions {
  /** Exact betweenness and closeness up to this many nodes. */
  exactMaxNodes: number;
  /** The number of source nodes that estimate betweenness and closeness above `exactMaxNodes`. */
  pivots: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { exactMaxNodes: 2000, pivots: 256 };

/** How betweenness and closeness are computed for a graph of `nodeCount` nodes: exactly, or from how many pivots. */
export function centralityMethod(
  nodeCount: number,
  options: AnalysisOptions,
): { estimated: boolean; sampleSize: number | null } {
  const estimated = nodeCount > options.exactMaxNodes;
  return { estimated, sampleSize: estimated ? Math.min(options.pivots, nodeCount) : null };
}

/** What the analysis measured besides the metrics: whether the centralities are exact, and how long each step took. */
export interface AnalysisTimings {
  exact: boolean;
  milliseconds: Record<string, number>;
}

export function analyseNetwork(
  nodes: readonly AnalysisNode[],
  edges: readonly AnalysisEdge[],
  sides: ReadonlyMap<string, Side | null>,
  options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS,
  timings?: AnalysisTimings,
): NetworkAnalysisModel {
  const clock = (step: string, started: number) => {
    if (timings) timings.milliseconds[step] = performance.now() - started;
  };
  let started = performance.now();
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const n = nodes.length;
  const inDegree = new Float64Array(n);
  const outDegree = new Float64Array(n);
  const weighted = new Float64Array(n);
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const node of nodes) simple.addNode(node.id);
  // Merged weights by pair (lower index * n + higher index: exact below 2^53 for any n here).
  const pairs = new Map<number, number>();
  for (const edge of edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) {
      throw new Error(`The edge "${edge.id}" joins a node that is not in the graph.`);
    }
    outDegree[s]! += 1;
    inDegree[t]! += 1;
    weighted[s]! += edge.weight;
    weighted[t]! += edge.weight;
    if (s === t) continue;
    const key = s < t ? s * n + t : t * n + s;
    pairs.set(key, (pairs.get(key) ?? 0) + edge.weight);
  }
  for (const [key, weight] of pairs) {
    simple.addUndirectedEdge(nodes[Math.floor(key / n)]!.id, nodes[key % n]!.id, { weight });
  }
  clock('graph', started);

  started = performance.now();
  const exact = !centralityMethod(n, options).estimated;
  if (timings) timings.exact = exact;
  const { betweenness, closeness } = exact
    ? {
        betweenness: betweennessCentrality(simple, { getEdgeWeight: null, normalized: true }),
        closeness: closenessCentrality(simple, { wassermanFaust: true }),
      }
    : estimatedCentralities(simple, options.pivots);
  clock('betweennessCloseness', started);

  started = performance.now();
  const pageRank: Record<string, number> =
    simple.size === 0
      ? Object.fromEntries(nodes.map((node) => [node.id, n > 0 ? 1 / n : 0]))
      : pagerank(simple, { getEdgeWeight: 'weight' });
  clock('pageRank', started);

  started = performance.now();
  const components = connectedComponents(simple);
  const componentOf = numbered(components, index);
  clock('components', started);

  started = performance.now();
  const detailed = louvain.detailed(simple, { getEdgeWeight: 'weight', rng: seededRandom(NETWORK_SEED) });
  const groups = new Map<number, string[]>();
  for (const node of nodes) {
    const group = detailed.communities[node.id]!;
    const members = groups.get(group);
    if (members) members.push(node.id);
    else groups.set(group, [node.id]);
  }
  const communityOf = numbered([...groups.values()], index);
  const communities: GraphCommunityModel[] = [...groups.values()]
    .map((members) => {
      const top = members.reduce((best, id) => (pageRank[id]! > pageRank[best]! ? id : best));
      return { id: communityOf.get(members[0]!)!, size: members.length, label: nodes[index.get(top)!]!.label };
    })
    .sort((a, b) => a.id - b.id);
  clock('communities', started);

  const bridges = new Set<string>();
  const bridging = new Set<string>();
  for (const edge of edges) {
    const [a, b] = [sides.get(edge.source) ?? null, sides.get(edge.target) ?? null];
    if (a !== null && b !== null && a !== b) {
      bridges.add(edge.id);
      bridging.add(edge.source).add(edge.target);
    }
  }

  const metrics = new Map<string, GraphNodeMetricsModel>();
  nodes.forEach((node, i) => {
    metrics.set(node.id, {
      degree: inDegree[i]! + outDegree[i]!,
      inDegree: inDegree[i]!,
      outDegree: outDegree[i]!,
      weightedDegree: weighted[i]!,
      betweenness: betweenness[node.id] ?? 0,
      closeness: closeness[node.id] ?? 0,
      pageRank: pageRank[node.id] ?? 0,
      component: componentOf.get(node.id)!,
      community: communityOf.get(node.id)!,
      side: sides.get(node.id) ?? null,
      bridge: bridging.has(node.id),
    });
  });
  return {
    metrics,
    bridges,
    modularity: simple.size === 0 ? 0 : detailed.modularity,
    communities,
    componentCount: components.length,
  };
}

/** Groups numbered by size, largest first; equal sizes in the order of their first node. */
function numbered(groups: string[][], index: Map<string, number>): Map<string, number> {
  // A loop, not Math.min(...group): a component of 100,000 nodes overflows the call stack as arguments.
  const first = (group: string[]) => group.reduce((min, id) => Math.min(min, index.get(id)!), Infinity);
  const sorted = groups
    .map((group) => ({ group, first: first(group) }))
    .sort((a, b) => b.group.length - a.group.length || a.first - b.first);
  const number = new Map<string, number>();
  sorted.forEach(({ group }, i) => group.forEach((id) => number.set(id, i)));
  return number;
}

/**
 * Betweenness and closeness estimated from `pivots` seeded source nodes, one Brandes pass each,
 * on an unweighted undirected graph. With every node a pivot it gives graphology's exact values
 * (a unit test checks this).
 */
export function estimatedCentralities(
  graph: Graph,
  pivots: number,
): { betweenness: Record<string, number>; closeness: Record<string, number> } {
  const ids = graph.nodes();
  const n = ids.length;
  const position = new Map(ids.map((id, i) => [id, i]));
  // Adjacency in compressed rows: a search over 100,000 nodes touches no Map.
  const starts = new Int32Array(n + 1);
  ids.forEach((id, i) => (starts[i + 1] = starts[i]! + graph.degree(id)));
  const neighbours = new Int32Array(starts[n]!);
  ids.forEach((id, i) => {
    let at = starts[i]!;
    graph.forEachNeighbor(id, (neighbour) => (neighbours[at++] = position.get(neighbour)!));
  });
  // Components, for closeness: a node's mean distance is taken over the pivots it can reach.
  const component = new Int32Array(n).fill(-1);
  const componentSize: number[] = [];
  const queue = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (component[root] !== -1) continue;
    const c = componentSize.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    component[root] = c;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = starts[v]!; k < starts[v + 1]!; k++) {
        const w = neighbours[k]!;
        if (component[w] === -1) {
          component[w] = c;
          queue[tail++] = w;
        }
      }
    }
    componentSize.push(tail);
  }

  const sources = pickPivots(n, Math.min(pivots, n));
  const pivotsIn = new Float64Array(componentSize.length);
  const isPivot = new Uint8Array(n);
  for (const s of sources) {
    pivotsIn[component[s]!]! += 1;
    isPivot[s] = 1;
  }
  const centrality = new Float64Array(n);
  const distanceSum = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    distance.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    distance[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++]!;
      distanceSum[v]! += distance[v]!;
      for (let k = starts[v]!; k < starts[v + 1]!; k++) {
        const w = neighbours[k]!;
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    // Dependencies, from the farthest node back: predecessors are the neighbours one hop nearer.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      for (let k = starts[w]!; k < starts[w + 1]!; k++) {
        const v = neighbours[k]!;
        if (distance[v] === distance[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      centrality[w]! += delta[w]!;
    }
  }
  // Each unordered pair is counted from both ends when every node is a source: as graphology,
  // normalise by (n - 1)(n - 2), scaled up by n / pivots for the sources not searched.
  const scale = n <= 2 || sources.length === 0 ? 0 : n / sources.length / ((n - 1) * (n - 2));
  const betweenness: Record<string, number> = {};
  const closeness: Record<string, number> = {};
  ids.forEach((id, v) => {
    betweenness[id] = centrality[v]! * scale;
    const reach = componentSize[component[v]!]! - 1;
    // The pivots in v's component other than v itself measured their distance to v.
    // Wasserman and Faust: (reach / (n - 1)) * (reach / total distance), the total estimated as
    // reach times the mean distance to those pivots.
    const measured = pivotsIn[component[v]!]! - isPivot[v]!;
    closeness[id] =
      reach === 0 || measured === 0 || distanceSum[v] === 0 ? 0 : (reach / (n - 1)) * (measured / distanceSum[v]!);
  });
  return { betweenness, closeness };
}

/** `k` distinct node positions out of `n`, drawn by a seeded partial Fisher–Yates shuffle; all when k = n. */
function pickPivots(n: number, k: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_v, i) => i);
  const random = seededRandom(NETWORK_SEED);
  const pool = Int32Array.from({ length: n }, (_v, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return Array.from(pool.subarray(0, k)).sort((a, b) => a - b);
}
