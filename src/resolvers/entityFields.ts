import type { UniversityResolvers } from '../generated/graphql';
import { toGlobalId } from '../graphql/globalId';
import { citationsOf } from '../models';
import { relationshipProjectionOf } from '../planner/projection';
import { relationshipsOf } from '../queries/relationships';

/**
 * Field resolvers every entity type shares (the actor types, Initiative, Strategy, ...): the
 * global id, the slug, the citations, the figures and the relationship connection, all batched
 * (the connection reads only the properties its selection asks for).
 */
export const entityFields = {
  id: (entity) => toGlobalId(entity.label, entity.id),
  slug: (entity) => entity.id,
  sources: (entity) => citationsOf(entity),
  figures: (entity, _args, ctx) => ctx.loaders.figuresByEntity.load(entity.id),
  relationships: (entity, args, ctx, info) =>
    relationshipsOf(ctx, entity.id, args, null, relationshipProjectionOf(info)),
} satisfies Pick<UniversityResolvers, 'id' | 'slug' | 'sources' | 'figures' | 'relationships'>;
