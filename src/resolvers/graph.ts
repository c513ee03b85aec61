/** Resolvers of schema/graph.graphql: `graph`, the subgraph ready to draw or export, and `rankings`. */
import type { GraphNodeKind, RelationshipType, Resolvers } from '../generated/graphql';
import { rankings, subgraph } from '../queries/subgraph';

export const graphResolvers = {
  Query: {
    graph: (_parent, args, ctx) => subgraph(ctx, args),
    rankings: (_parent, args, ctx) => rankings(ctx, args),
  },
  // The models hold the enums as plain strings: the Cypher and the type allow-list produce only enum values.
  GraphNode: {
    // The model keeps `id` for the exports, whose node ids are the entities' global ids.
    entityId: (node) => node.id,
    kind: (node) => node.kind as GraphNodeKind,
    metrics: async (node) => node.metrics ?? (await node.network.analysis()).metrics.get(node.id)!,
    x: async (node) => (node.position ?? (await node.network.layout()).get(node.id))?.x ?? null,
    y: async (node) => (node.position ?? (await node.network.layout()).get(node.id))?.y ?? null,
  },
  GraphEdge: {
    type: (edge) => edge.type as RelationshipType,
    viaTypes: (edge) => edge.viaTypes as RelationshipType[],
    bridge: async (edge) => edge.bridge ?? (await edge.network.analysis()).bridges.has(edge.id),
  },
  Subgraph: {
    modularity: async (graph) => (await graph.network.analysis()).modularity,
    communities: async (graph) => (await graph.network.analysis()).communities,
    componentCount: async (graph) => (await graph.network.analysis()).componentCount,
    metricsEstimated: (graph) => graph.network.centralities.estimated,
    metricsSampleSize: (graph) => graph.network.centralities.sampleSize,
  },
} satisfies Resolvers;
