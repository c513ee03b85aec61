import type { EntityModel } from '../models';

/** The GraphQL type of each actor kind (the kind as the graph stores it). */
export const ACTOR_TYPE_OF_KIND = {
  university: 'University',
  hospital: 'Hospital',
  science_park: 'SciencePark',
  incubator: 'Incubator',
  innovation_office: 'InnovationOffice',
  investor: 'Investor',
  research_infrastructure: 'ResearchInfrastructure',
  public_body: 'PublicBody',
  network: 'Network',
  company: 'Company',
  foundation: 'Foundation',
} as const;

export type ActorTypeName = (typeof ACTOR_TYPE_OF_KIND)[keyof typeof ACTOR_TYPE_OF_KIND];

/** An actor's GraphQL type follows from its kind. */
export function actorTypeOf(kind: string | null): ActorTypeName {
  const type = ACTOR_TYPE_OF_KIND[kind as keyof typeof ACTOR_TYPE_OF_KIND];
  if (!type) throw new Error(`Invariant: an actor has the unknown kind "${kind}".`);
  return type;
}

/**
 * The GraphQL type of an entity, for the `__resolveType` of the Node, Entity and Actor interfaces:
 * entities carry their label (Actor, Theme, ...), which is their type name but for actors.
 */
export function entityTypeOf(entity: EntityModel) {
  return entity.label === 'Actor' ? actorTypeOf(entity.kind) : entity.label;
}
