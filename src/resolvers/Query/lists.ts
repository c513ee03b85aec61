import type { QueryResolvers } from '../../generated/graphql';
import { actorsPage } from '../../queries/actorsPage';
import { entitiesPage, initiativesPage, sourcesPage } from '../../queries/entitiesPage';

export const actors: QueryResolvers['actors'] = (_parent, args, ctx) => actorsPage(ctx, args);
export const initiatives: QueryResolvers['initiatives'] = (_parent, args, ctx) => initiativesPage(ctx, args);
export const strategies: QueryResolvers['strategies'] = (_parent, args, ctx) => entitiesPage(ctx, 'Strategy', args);
export const themes: QueryResolvers['themes'] = (_parent, args, ctx) => entitiesPage(ctx, 'Theme', args);
export const regions: QueryResolvers['regions'] = (_parent, args, ctx) => entitiesPage(ctx, 'Region', args);
export const sources: QueryResolvers['sources'] = (_parent, args, ctx) => sourcesPage(ctx, args);
