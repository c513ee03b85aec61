/**
 * Resolvers of schema/others.graphql: the entities that are not actors (Initiative, Strategy,
 * Priority, Theme, Stage, Region) and their lists.
 */
import type { CompanyStage, InitiativeKind, PriorityKind, Resolvers, StrategyKind } from '../generated/graphql';
import { entitiesPage, initiativesPage } from '../queries/entitiesPage';
import { connectionFields } from './connectionFields';
import { entityFields } from './entityFields';

export const othersResolvers = {
  Query: {
    initiatives: (_parent, args, ctx) => initiativesPage(ctx, args),
    strategies: (_parent, args, ctx) => entitiesPage(ctx, 'Strategy', args),
    priorities: (_parent, args, ctx) => entitiesPage(ctx, 'Priority', args),
    stages: (_parent, args, ctx) => entitiesPage(ctx, 'Stage', args),
    themes: (_parent, args, ctx) => entitiesPage(ctx, 'Theme', args),
    regions: (_parent, args, ctx) => entitiesPage(ctx, 'Region', args),
  },
  // The graph stores kinds in snake_case (as seed files write them, validated on load); the enums are upper case.
  Initiative: { ...entityFields, kind: (e) => (e.kind ?? '').toUpperCase() as InitiativeKind },
  Strategy: { ...entityFields, kind: (e) => (e.kind ?? '').toUpperCase() as StrategyKind },
  // A priority written before priorities had kinds is a priority.
  Priority: { ...entityFields, kind: (e) => (e.kind ?? 'priority').toUpperCase() as PriorityKind },
  Theme: { ...entityFields },
  Stage: { ...entityFields, stage: (e) => e.id.toUpperCase().replace('-', '_') as CompanyStage },
  Region: { ...entityFields },
  InitiativeConnection: connectionFields(),
  StrategyConnection: connectionFields(),
  PriorityConnection: connectionFields(),
  StageConnection: connectionFields(),
  ThemeConnection: connectionFields(),
  RegionConnection: connectionFields(),
} satisfies Resolvers;
