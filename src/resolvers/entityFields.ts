import type { Direction, UniversityResolvers } from '../generated/graphql';
import { toGlobalId } from '../graphql/globalId';
import { checkFirst, decodeCursor } from '../graphql/pagination';
import { RELATIONSHIPS_CURSOR } from '../loaders/relationshipsByEntity';
import { citationsOf, type RelationshipConnectionModel } from '../models';

/**
 * Field resolvers every entity type shares (the actor types, Initiative, Strategy, ...): the
 * global id, the slug, the citations, the figures and the relationship connection, all batched.
 */
export const entityFields = {
  id: (entity) => toGlobalId(entity.label, entity.id),
  slug: (entity) => entity.id,
  sources: (entity) => citationsOf(entity),
  figures: (entity, _args, ctx) => ctx.loaders.figuresByEntity.load(entity.id),
  relationships: async (entity, args, ctx): Promise<RelationshipConnectionModel> => {
    const first = checkFirst(args.first);
    const types = args.types?.length ? [...args.types] : null;
    const direction: Direction = args.direction ?? 'BOTH';
    const bases = args.basis?.length ? [...args.basis] : null;
    const after = args.after
      ? decodeCursor(args.after, RELATIONSHIPS_CURSOR, ['string', 'string', 'string', 'string'])
      : null;
    const page = await ctx.loaders.relationshipsByEntity.load({ id: entity.id, types, direction, bases, first, after });
    return {
      ...page,
      hasPreviousPage: after !== null,
      count: () => ctx.loaders.relationshipCountsByEntity.load({ id: entity.id, types, direction, bases }),
    };
  },
} satisfies Pick<UniversityResolvers, 'id' | 'slug' | 'sources' | 'figures' | 'relationships'>;
