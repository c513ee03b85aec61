import type {
  FactCheckResolvers,
  FigureResolvers,
  HopResolvers,
  PathResolvers,
  RelationshipEdgeResolvers,
  RelationshipType,
} from '../generated/graphql';
import { citationsOf } from '../models';
import { isNegated } from '../queries/negation';

export const RelationshipEdge: RelationshipEdgeResolvers = {
  type: (edge) => edge.type as RelationshipType,
  negated: (edge) => isNegated(edge.type),
  sources: (edge) => citationsOf(edge),
};

export const Hop: HopResolvers = {
  type: (hop) => hop.type as RelationshipType,
  negated: (hop) => isNegated(hop.type),
  sources: (hop) => citationsOf(hop),
};

export const Path: PathResolvers = {
  length: (path) => path.hops.length,
};

export const Figure: FigureResolvers = {
  basis: (figure) => figure.basis ?? 'STATED',
  sources: (figure) => citationsOf(figure),
};

export const FactCheck: FactCheckResolvers = {
  type: (check) => check.type as RelationshipType,
  sources: (check) => citationsOf(check),
};
