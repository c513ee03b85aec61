import type {
  GraphEdgeResolvers,
  GraphNodeKind,
  GraphNodeResolvers,
  QueryResolvers,
  RelationshipType,
} from '../../generated/graphql';
import { subgraph } from '../../queries/subgraph';

export const graph: QueryResolvers['graph'] = (_parent, args, ctx) => subgraph(ctx, args);

/** The models hold the enums as plain strings: the Cypher and the type allow-list produce only enum values. */
export const GraphNode: GraphNodeResolvers = {
  kind: (node) => node.kind as GraphNodeKind,
};

export const GraphEdge: GraphEdgeResolvers = {
  type: (edge) => edge.type as RelationshipType,
};
