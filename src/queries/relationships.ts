import type { ReadContext } from '../context';
import type { EntityRelationshipsArgs } from '../generated/graphql';
import { RELATIONSHIPS_CURSOR } from '../loaders/relationshipsByEntity';
import type { RelationshipConnectionModel } from '../models';
import { keysetPage, pageRequest } from './connections';

/**
 * A page of an entity's relationships (Entity.relationships). Checked, decoded and cut like every
 * list (src/queries/connections.ts); the rows are read through the relationshipsByEntity loader,
 * so that the same field on many parents costs one query, and counted through
 * relationshipCountsByEntity. `labels` keeps only relationships whose other end has one of those
 * labels (the typed fields of src/graphql/typedRelationships.ts; null: every entity).
 */
export async function relationshipsOf(
  ctx: ReadContext,
  entityId: string,
  args: EntityRelationshipsArgs,
  labels: readonly string[] | null = null,
): Promise<RelationshipConnectionModel> {
  const request = pageRequest(args, RELATIONSHIPS_CURSOR, ctx.maxPageSize);
  const types = args.types?.length ? [...args.types] : null;
  const direction = args.direction ?? 'BOTH';
  const bases = args.basis?.length ? [...args.basis] : null;
  const page = await keysetPage(request, RELATIONSHIPS_CURSOR, (paging, from, size) =>
    ctx.loaders.relationshipsByEntity.load({ id: entityId, types, direction, bases, labels, paging, size, from }),
  );
  return {
    ...page,
    count: () => ctx.loaders.relationshipCountsByEntity.load({ id: entityId, types, direction, bases, labels }),
  };
}
