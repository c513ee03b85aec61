/**
 * Resolvers of schema/others.graphql: the entities that are not actors (Initiative, Strategy,
 * Priority, Theme, Stage, Region) and their lists.
 */
import type { CompanyStage, Resolvers } from '../generated/graphql';
import { entitiesPage, initiativesPage } from '../queries/entitiesPage';
import { connectionFields } from './connectionFields';
import { entityFields } from './entityFields';

export const othersResolvers = {
  Query: {
    initiatives: (_parent, args, ctx) => initiativesPage(ctx, args),
    strategies: (_parent, args, ctx) => entitiesPage(ctx, 'Strategy', args),
    themes: (_parent, args, ctx) => entitiesPage(ctx, 'Theme', args),
    regions: (_parent, args, ctx) => entitiesPage(ctx, 'Region', args),
  },
  Initiative: { ...entityFields, kind: (e) => e.kind ?? '' },
  Strategy: { ...entityFields, kind: (e) => e.kind ?? '' },
  // A priority written before priorities had kinds is a priority.
  Priority: { ...entityFields, kind: (e) => e.kind ?? 'priority' },
  Theme: { ...entityFields },
  Stage: { ...entityFields, stage: (e) => e.id.toUpperCase().replace('-', '_') as CompanyStage },
  Region: { ...entityFields },
  InitiativeConnection: connectionFields(),
  StrategyConnection: connectionFields(),
  ThemeConnection: connectionFields(),
  RegionConnection: connectionFields(),
} satisfies Resolvers;
