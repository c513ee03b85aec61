import { UndirectedGraph } from 'graphology';
import random from 'graphology-layout/random';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AnalysisEdge, AnalysisNode } from './analyse';
import { NETWORK_SEED, seededRandom } from './seededRandom';

/**
 * A seeded ForceAtlas2 layout (graphology-layout-forceatlas2) of a graph: nodes start at seeded
 * random positions (graphology-layout's random layout with a seeded source), then ForceAtlas2 runs
 * a fixed number of iterations with the settings it infers for the graph's size, weighted by edge
 * weight. The same graph always gets the same positions, so sigma.js and Gephi open a drawing, not
 * a ring, and reloading it moves nothing.
 */
export function layoutNetwork(
  nodes: readonly AnalysisNode[],
  edges: readonly AnalysisEdge[],
  iterations = layoutIterations(nodes.length),
): Map<string, { x: number; y: number }> {
  const graph = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  for (const node of nodes) graph.addNode(node.id);
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    graph.updateUndirectedEdge(edge.source, edge.target, (attributes) => ({
      weight: (attributes.weight ?? 0) + edge.weight,
    }));
  }
  random.assign(graph, { rng: seededRandom(NETWORK_SEED), scale: 1000, center: 0 });
  const positions =
    graph.order > 1
      ? forceAtlas2(graph, { iterations, getEdgeWeight: 'weight', settings: forceAtlas2.inferSettings(graph) })
      : Object.fromEntries(graph.mapNodes((node, attributes) => [node, { x: attributes.x, y: attributes.y }]));
  return new Map(nodes.map((node) => [node.id, { x: round(positions[node.id]!.x), y: round(positions[node.id]!.y) }]));
}

/** Fewer iterations for larger graphs, so that a 20,000-element export stays within seconds. */
export function layoutIterations(order: number): number {
  return order <= 1000 ? 300 : order <= 5000 ? 100 : 50;
}

const round = (value: number) => Math.round(value * 100) / 100;
