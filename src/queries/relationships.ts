import type { ReadContext } from '../context';
import type { EntityRelationshipsArgs } from '../generated/graphql';
import type { RelationshipCountKey } from '../loaders/relationshipCountsByEntity';
import { RELATIONSHIPS_CURSOR, type RelationshipsKey } from '../loaders/relationshipsByEntity';
import type { RelationshipConnectionModel } from '../models';
import type { RelationshipProjection } from '../planner/projection';
import { keysetPage, pageRequest } from './connections';

/**
 * The loader arguments of a relationship field, as every read of it (relationshipsOf, and the
 * planner that reads ahead and primes the loaders, src/planner/) spells them, so that a page the
 * planner read is the one the field looks up.
 */
export function relationshipArguments(
  args: Pick<EntityRelationshipsArgs, 'types' | 'direction' | 'basis'>,
  labels: readonly string[] | null,
): Omit<RelationshipCountKey, 'id'> {
  return {
    types: args.types?.length ? [...args.types] : null,
    direction: args.direction ?? 'BOTH',
    bases: args.basis?.length ? [...args.basis] : null,
    labels,
  };
}

/**
 * A page of an entity's relationships (Entity.relationships). Checked, decoded and cut like every
 * list (src/queries/connections.ts); the rows are read through the relationshipsByEntity loader,
 * so that the same field on many parents costs one query, and counted through
 * relationshipCountsByEntity. `labels` keeps only relationships whose other end has one of those
 * labels (the typed fields of src/graphql/typedRelationships.ts; null: every entity).
 * `projection` says which properties the field's selection reads (absent: all).
 */
export async function relationshipsOf(
  ctx: ReadContext,
  entityId: string,
  args: EntityRelationshipsArgs,
  labels: readonly string[] | null = null,
  projection?: RelationshipProjection,
): Promise<RelationshipConnectionModel> {
  const request = pageRequest(args, RELATIONSHIPS_CURSOR, ctx.maxPageSize);
  const filter = relationshipArguments(args, labels);
  const page = await keysetPage(request, RELATIONSHIPS_CURSOR, (paging, from, size) => {
    const key: RelationshipsKey = {
      id: entityId,
      ...filter,
      paging,
      size,
      from,
      ...(projection ? { projection } : {}),
    };
    return ctx.loaders.relationshipsByEntity.load(key);
  });
  return {
    ...page,
    count: () => ctx.loaders.relationshipCountsByEntity.load({ id: entityId, ...filter }),
  };
}
