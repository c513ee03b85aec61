/**
 * Resolvers of schema/entities.graphql: the Entity interface and the relationship connection
 * every entity has. The fields the entity types share are in ./entityFields.
 */
import type { RelationshipType, Resolvers } from '../generated/graphql';
import { citationsOf } from '../models';
import { connectionFields } from './connectionFields';
import { entityTypeOf } from './typeNames';

/** Relationship types that state an absence. */
const NEGATED_TYPES = new Set(['NOT_MEMBER_OF']);

/** Whether a relationship of this type states an absence (a stated "no"). */
export function isNegated(type: string): boolean {
  return NEGATED_TYPES.has(type);
}

export const entitiesResolvers = {
  Entity: {
    __resolveType: (entity) => entityTypeOf(entity),
  },
  RelationshipEdge: {
    type: (edge) => edge.type as RelationshipType,
    negated: (edge) => isNegated(edge.type),
    sources: (edge) => citationsOf(edge),
  },
  RelationshipConnection: connectionFields(),
} satisfies Resolvers;
