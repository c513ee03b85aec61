import type { ReadContext } from '../context';
import type { EntityRelationshipsArgs } from '../generated/graphql';
import { RELATIONSHIPS_CURSOR } from '../loaders/relationshipsByEntity';
import type { RelationshipConnectionModel } from '../models';
import { pageRequest } from './connections';

/**
 * A page of an entity's relationships (Entity.relationships). Checked and decoded like every list
 * (src/queries/connections.ts); read through the relationshipsByEntity loader, so that the same
 * field on many parents costs one query, and counted through relationshipCountsByEntity.
 */
export async function relationshipsOf(
  ctx: ReadContext,
  entityId: string,
  args: EntityRelationshipsArgs,
): Promise<RelationshipConnectionModel> {
  const { first, after } = pageRequest(args, RELATIONSHIPS_CURSOR, ctx.maxPageSize);
  const types = args.types?.length ? [...args.types] : null;
  const direction = args.direction ?? 'BOTH';
  const bases = args.basis?.length ? [...args.basis] : null;
  const page = await ctx.loaders.relationshipsByEntity.load({ id: entityId, types, direction, bases, first, after });
  return {
    ...page,
    hasPreviousPage: after !== null,
    count: () => ctx.loaders.relationshipCountsByEntity.load({ id: entityId, types, direction, bases }),
  };
}
