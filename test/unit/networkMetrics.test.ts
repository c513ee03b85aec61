import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { analyseNetwork, estimatedCentralities, type AnalysisEdge } from '../../src/network/analyse';
import { layoutNetwork } from '../../src/network/layout';
import { seededRandom } from '../../src/network/seededRandom';
import { sideOf, type Side } from '../../src/network/sides';

/**
 * The metrics on small graphs whose answers are known by hand (and agree with NetworkX's
 * definitions: normalised betweenness, Wasserman–Faust closeness, Newman's modularity).
 */
const nodesOf = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));
const edgesOf = (...pairs: [string, string, number?][]): AnalysisEdge[] =>
  pairs.map(([source, target, weight], i) => ({ id: `e${i}`, source, target, weight: weight ?? 1 }));
const noSides = new Map<string, Side | null>();

describe('a path a–b–c–d–e', () => {
  const analysis = analyseNetwork(
    nodesOf('a', 'b', 'c', 'd', 'e'),
    edgesOf(['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']),
    noSides,
  );
  const m = (id: string) => analysis.metrics.get(id)!;

  test('betweenness: the ends lie on no path, b on 3 of the 6 pairs of the others, c on 4', () => {
    expect(m('a').betweenness).toBe(0);
    expect(m('b').betweenness).toBeCloseTo(3 / 6);
    expect(m('c').betweenness).toBeCloseTo(4 / 6);
    expect(m('d').betweenness).toBeCloseTo(m('b').betweenness);
  });

  test('closeness: 4 over the sum of distances', () => {
    expect(m('a').closeness).toBeCloseTo(4 / (1 + 2 + 3 + 4));
    expect(m('c').closeness).toBeCloseTo(4 / (2 + 1 + 1 + 2));
  });

  test('degrees follow the edges as directed', () => {
    expect([m('a').inDegree, m('a').outDegree, m('a').degree]).toEqual([0, 1, 1]);
    expect([m('c').inDegree, m('c').outDegree, m('c').degree]).toEqual([1, 1, 2]);
    expect(m('e').weightedDegree).toBe(1);
  });

  test('one component', () => {
    expect(analysis.componentCount).toBe(1);
    expect(new Set([...analysis.metrics.values()].map((x) => x.component))).toEqual(new Set([0]));
  });
});

describe('a star: a centre and four leaves', () => {
  const analysis = analyseNetwork(
    nodesOf('centre', 'l1', 'l2', 'l3', 'l4'),
    edgesOf(['l1', 'centre'], ['l2', 'centre'], ['centre', 'l3'], ['centre', 'l4']),
    noSides,
  );
  const m = (id: string) => analysis.metrics.get(id)!;

  test('the centre has degree 4 (2 in, 2 out) and lies on every path', () => {
    expect([m('centre').degree, m('centre').inDegree, m('centre').outDegree]).toEqual([4, 2, 2]);
    expect(m('centre').betweenness).toBeCloseTo(1);
    for (const leaf of ['l1', 'l2', 'l3', 'l4']) expect(m(leaf).betweenness).toBe(0);
  });

  test('the centre has the highest PageRank, the leaves equal ones, summing to 1', () => {
    const ranks = [...analysis.metrics.values()].map((x) => x.pageRank);
    expect(ranks.reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(m('centre').pageRank).toBeGreaterThan(m('l1').pageRank);
    expect(m('l1').pageRank).toBeCloseTo(m('l4').pageRank);
  });
});

describe('two triangles joined by one edge, and a pair apart', () => {
  const nodes = nodesOf('a', 'b', 'c', 'd', 'e', 'f', 'x', 'y');
  const edges = edgesOf(['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e'], ['e', 'f'], ['f', 'd'], ['c', 'd'], ['x', 'y']);
  const analysis = analyseNetwork(nodes, edges, noSides);
  const m = (id: string) => analysis.metrics.get(id)!;

  test('components: the six joined nodes are component 0, the pair component 1', () => {
    expect(analysis.componentCount).toBe(2);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) expect(m(id).component).toBe(0);
    expect([m('x').component, m('y').component]).toEqual([1, 1]);
  });

  test('Louvain finds the three groups; the modularity is Newman’s for that split', () => {
    expect(analysis.communities.map((c) => c.size)).toEqual([3, 3, 2]);
    expect(new Set(['a', 'b', 'c'].map((id) => m(id).community)).size).toBe(1);
    expect(new Set(['d', 'e', 'f'].map((id) => m(id).community)).size).toBe(1);
    expect(m('a').community).not.toBe(m('d').community);
    // m = 8 edges; each triangle: 3 inner edges, degree sum 7; the pair: 1 edge, degree sum 2.
    const expected = 2 * (3 / 8 - (7 / 16) ** 2) + (1 / 8 - (2 / 16) ** 2);
    expect(analysis.modularity).toBeCloseTo(expected);
  });

  test('a community is labelled by its node of highest PageRank: an end of the joining edge', () => {
    expect(['C', 'D']).toContain(analysis.communities[0]!.label);
  });

  test('Wasserman–Faust closeness scales a small component down: y reaches 1 of 7 others at distance 1', () => {
    expect(m('x').closeness).toBeCloseTo((1 / 7) * (1 / 1));
  });

  test('the same graph gives the same communities every time', () => {
    const again = analyseNetwork(nodes, edges, noSides);
    for (const node of nodes) expect(again.metrics.get(node.id)!.community).toBe(m(node.id).community);
  });
});

describe('weights, parallel edges and self-loops', () => {
  test('weighted degree adds weights; parallel edges count in degree and merge for betweenness', () => {
    const analysis = analyseNetwork(
      nodesOf('a', 'b', 'c'),
      edgesOf(['a', 'b', 3], ['b', 'a', 2], ['b', 'c'], ['c', 'c']),
      noSides,
    );
    const m = (id: string) => analysis.metrics.get(id)!;
    expect(m('a').weightedDegree).toBe(5);
    expect(m('a').degree).toBe(2);
    expect(m('c').degree).toBe(3); // the self-loop counts in and out
    expect(m('b').betweenness).toBeCloseTo(1);
  });

  test('a graph without edges: every node its own component and community, modularity 0', () => {
    const analysis = analyseNetwork(nodesOf('a', 'b'), [], noSides);
    expect(analysis.componentCount).toBe(2);
    expect(analysis.modularity).toBe(0);
    expect(analysis.communities.map((c) => c.id)).toEqual([0, 1]);
    expect(analysis.metrics.get('a')!.pageRank).toBeCloseTo(0.5);
  });
});

describe('sides and bridges', () => {
  test('a side comes from the anchors reached: none or both sides give none', () => {
    expect(sideOf(['sweden'])).toBe('SE');
    expect(sideOf(['copenhagen-area'])).toBe('DK');
    expect(sideOf(['denmark', 'copenhagen-area'])).toBe('DK');
    expect(sideOf(['sweden', 'denmark'])).toBeNull();
    expect(sideOf([])).toBeNull();
  });

  test('an edge between a Swedish and a Danish node is a bridge, and so are its ends', () => {
    const sides = new Map<string, Side | null>([
      ['lund', 'SE'],
      ['malmo', 'SE'],
      ['dtu', 'DK'],
      ['eu', null],
    ]);
    const analysis = analyseNetwork(
      nodesOf('lund', 'malmo', 'dtu', 'eu'),
      edgesOf(['lund', 'malmo'], ['lund', 'dtu'], ['dtu', 'eu']),
      sides,
    );
    expect([...analysis.bridges]).toEqual(['e1']);
    expect(analysis.metrics.get('lund')!).toMatchObject({ side: 'SE', bridge: true });
    expect(analysis.metrics.get('dtu')!).toMatchObject({ side: 'DK', bridge: true });
    expect(analysis.metrics.get('malmo')!).toMatchObject({ side: 'SE', bridge: false });
    expect(analysis.metrics.get('eu')!).toMatchObject({ side: null, bridge: false });
  });
});

describe('estimated betweenness and closeness', () => {
  // A seeded random graph of 60 nodes in a few components.
  const random = seededRandom(7);
  const graph = new UndirectedGraph();
  for (let i = 0; i < 60; i++) graph.addNode(`n${i}`);
  for (let k = 0; k < 90; k++) {
    const [a, b] = [Math.floor(random() * 55), Math.floor(random() * 55)];
    if (a !== b) graph.mergeEdge(`n${a}`, `n${b}`);
  }
  graph.addEdge('n56', 'n57');

  test('with every node a pivot they are graphology’s exact values', () => {
    const estimated = estimatedCentralities(graph, 60);
    const betweenness = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
    const closeness = closenessCentrality(graph, { wassermanFaust: true });
    for (const node of graph.nodes()) {
      expect(estimated.betweenness[node]).toBeCloseTo(betweenness[node]!, 10);
      expect(estimated.closeness[node]).toBeCloseTo(closeness[node]!, 10);
    }
  });

  test('seeded: the same pivots give the same estimates every time, and other pivots other ones', () => {
    const first = estimatedCentralities(graph, 12);
    expect(estimatedCentralities(graph, 12)).toEqual(first);
    expect(estimatedCentralities(graph, 13).betweenness).not.toEqual(first.betweenness);
  });

  test('with every node a pivot the scale n / k is 1: the middle of a path a–b–c has betweenness 1', () => {
    const path = new UndirectedGraph();
    path.mergeEdge('a', 'b');
    path.mergeEdge('b', 'c');
    // b lies on the one path between a and c; normalised by (n - 1)(n - 2) it is 1.
    expect(estimatedCentralities(path, 3).betweenness).toEqual({ a: 0, b: 1, c: 0 });
  });

  test('above the exact size the analysis estimates from pivots, close to the exact values', () => {
    const nodes = graph.nodes().map((id) => ({ id, label: id }));
    const edges = graph.mapEdges((edge, _a, source, target) => ({ id: edge, source, target, weight: 1 }));
    const exact = analyseNetwork(nodes, edges, noSides, { exactMaxNodes: 1000, pivots: 1 });
    const estimated = analyseNetwork(nodes, edges, noSides, { exactMaxNodes: 10, pivots: 40 });
    const top = (a: typeof exact) => [...a.metrics].sort((x, y) => y[1].betweenness - x[1].betweenness)[0]![0];
    expect(top(estimated)).toBe(top(exact));
    for (const node of nodes) {
      expect(Math.abs(estimated.metrics.get(node.id)!.closeness - exact.metrics.get(node.id)!.closeness)).toBeLessThan(
        0.1,
      );
    }
  });
});

describe('the seeded layout', () => {
  const nodes = nodesOf('a', 'b', 'c', 'd', 'e', 'f');
  const edges = edgesOf(['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e'], ['e', 'f'], ['c', 'd']);

  test('gives the same finite positions every time', () => {
    const first = layoutNetwork(nodes, edges);
    const second = layoutNetwork(nodes, edges);
    expect([...second]).toEqual([...first]);
    for (const { x, y } of first.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  test('is not a circle: joined nodes lie closer together than the two ends of the chain', () => {
    const at = layoutNetwork(nodes, edges);
    const distance = (p: string, q: string) => Math.hypot(at.get(p)!.x - at.get(q)!.x, at.get(p)!.y - at.get(q)!.y);
    expect(distance('a', 'b')).toBeLessThan(distance('a', 'f'));
    const radii = [...at.values()].map(({ x, y }) => Math.hypot(x, y));
    expect(Math.max(...radii) - Math.min(...radii)).toBeGreaterThan(1);
  });
});
