/**
 * Resolvers of schema/entities.graphql: the Entity interface and the relationship connection
 * every entity has. The fields the entity types share are in ./entityFields.
 */
import type { RelationshipType, Resolvers } from '../generated/graphql';
import { citationsOf } from '../models';
import { isNegated } from '../queries/negation';
import { connectionFields } from './connectionFields';
import { entityTypeOf } from './typeNames';

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
