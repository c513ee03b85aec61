import type { ActorResolvers, EntityResolvers, NodeResolvers } from '../generated/graphql';
import { ACTOR_TYPE_OF_KIND } from './entities';

type ActorTypeName = (typeof ACTOR_TYPE_OF_KIND)[keyof typeof ACTOR_TYPE_OF_KIND];

/** An actor's GraphQL type follows from its kind. */
function actorType(kind: string | null): ActorTypeName {
  const type = ACTOR_TYPE_OF_KIND[kind as keyof typeof ACTOR_TYPE_OF_KIND];
  if (!type) throw new Error(`Invariant: an actor has the unknown kind "${kind}".`);
  return type;
}

export const Actor: Pick<ActorResolvers, '__resolveType'> = {
  __resolveType: (actor) => actorType(actor.kind),
};

/** Entities carry their label (Actor, Theme, ...), which is their GraphQL type name but for actors. */
export const Entity: EntityResolvers = {
  __resolveType: (entity) => (entity.label === 'Actor' ? actorType(entity.kind) : entity.label),
};

export const Node: NodeResolvers = {
  __resolveType: (node) => ('label' in node ? (node.label === 'Actor' ? actorType(node.kind) : node.label) : 'Source'),
};
