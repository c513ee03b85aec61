import type { SubgraphModel } from '../models';

/**
 * The graph with its network analysis written onto its nodes (`metrics`, and `position` when
 * `positions` is asked for) and edges (`bridge`): what the exports' columns read
 * (src/export/attributes.ts), since a file is written in one synchronous pass.
 */
export async function withNetwork(graph: SubgraphModel, options: { positions: boolean }): Promise<SubgraphModel> {
  const [analysis, layout] = await Promise.all([
    graph.network.analysis(),
    options.positions ? graph.network.layout() : null,
  ]);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => ({
      ...node,
      metrics: analysis.metrics.get(node.id) ?? null,
      position: layout?.get(node.id) ?? null,
    })),
    edges: graph.edges.map((edge) => ({ ...edge, bridge: analysis.bridges.has(edge.id) })),
  };
}
