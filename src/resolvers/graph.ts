/** Resolvers of schema/graph.graphql: `graph`, the subgraph ready to draw or export. */
import type { GraphNodeKind, RelationshipType, Resolvers } from '../generated/graphql';
import { subgraph } from '../queries/subgraph';

export const graphResolvers = {
  Query: {
    graph: (_parent, args, ctx) => subgraph(ctx, args),
  },
  // The models hold the enums as plain strings: the Cypher and the type allow-list produce only enum values.
  GraphNode: {
    // The model keeps `id` for the exports, whose node ids are the entities' global ids.
    entityId: (node) => node.id,
    kind: (node) => node.kind as GraphNodeKind,
  },
  GraphEdge: {
    type: (edge) => edge.type as RelationshipType,
  },
} satisfies Resolvers;
