/** Resolvers of schema/actors.graphql: `actor`, `actors`, the Actor interface and its eleven types. */
import type { ActorKind, Resolvers } from '../generated/graphql';
import { badUserInput, notFound } from '../graphql/errors';
import { fromSlugOrGlobalId } from '../graphql/globalId';
import { plannable } from '../planner/plannable';
import { plannedEntity } from '../planner/plannedEntity';
import { actorsPage } from '../queries/actorsPage';
import { connectionFields } from './connectionFields';
import { entityFields } from './entityFields';
import { ACTOR_TYPE_OF_KIND, actorTypeOf, type ActorTypeName } from './typeNames';
import { truncate } from '../text/truncate';

// The graph stores kinds in snake_case (as seed files write them); the enum is upper case.
const actorFields = {
  ...entityFields,
  kind: (actor: { kind: string | null }) => (actor.kind ?? '').toUpperCase() as ActorKind,
};

export const actorsResolvers = {
  Query: {
    actor: async (_parent, { id }, ctx, info) => {
      const { type, key } = fromSlugOrGlobalId(id);
      if (type !== undefined && type !== 'Actor')
        throw badUserInput(`"${id}" is the id of a ${type}, not of an Actor.`, 'id');
      const entity = ctx.planner ? await plannedEntity(ctx, key, info) : await ctx.loaders.entitiesById.load(key);
      if (!entity || entity.label !== 'Actor') throw notFound(`No actor has the id "${truncate(id)}".`);
      return entity;
    },
    actors: (_parent, args, ctx, info) => actorsPage(ctx, args, plannable(ctx, info)),
  },
  Actor: {
    __resolveType: (actor) => actorTypeOf(actor.kind),
  },
  ...(Object.fromEntries(Object.values(ACTOR_TYPE_OF_KIND).map((type) => [type, actorFields])) as Record<
    ActorTypeName,
    typeof actorFields
  >),
  ActorKindFacetCount: {
    value: (facet) => facet.value.toUpperCase() as ActorKind,
  },
  ActorConnection: { ...connectionFields(), facets: (connection) => connection.facets() },
} satisfies Resolvers;
