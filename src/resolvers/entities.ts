import type { ActorKind, CompanyStage, Resolvers } from '../generated/graphql';
import { entityFields } from './entityFields';

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

// The graph stores kinds in snake_case (as seed files write them); the enum is upper case.
const actorFields = {
  ...entityFields,
  kind: (actor: { kind: string | null }) => (actor.kind ?? '').toUpperCase() as ActorKind,
};

/** Resolvers of the entity types: the eleven actor types and the others. */
export const entityResolvers = {
  ...(Object.fromEntries(Object.values(ACTOR_TYPE_OF_KIND).map((type) => [type, actorFields])) as Record<
    (typeof ACTOR_TYPE_OF_KIND)[keyof typeof ACTOR_TYPE_OF_KIND],
    typeof actorFields
  >),
  Initiative: { ...entityFields, kind: (e) => e.kind ?? '' },
  Strategy: { ...entityFields, kind: (e) => e.kind ?? '' },
  // A priority written before priorities had kinds is a priority.
  Priority: { ...entityFields, kind: (e) => e.kind ?? 'priority' },
  Theme: { ...entityFields },
  Region: { ...entityFields },
  Stage: { ...entityFields, stage: (e) => e.id.toUpperCase().replace('-', '_') as CompanyStage },
} satisfies Resolvers;
