import type { Context } from '../context';
import { cypher } from '../db/cypher';
import { checkFirst, decodeCursor, encodeCursor, pageOf } from '../graphql/pagination';
import type { EntityConnectionModel, EntityModel, SourceConnectionModel, SourceModel } from '../models';
import type { EntityLabel } from '../seed/model';
import { lazyCount } from './connections';
import { resolveAnyNames } from './resolveNames';
import { badUserInput } from '../graphql/errors';
import { INITIATIVE_KINDS } from '../seed/model';

/**
 * A page of the entities of one label in name order (cypher/entitiesPage.cypher). `label` comes
 * from the resolver, never from input. The cursor is tagged with the label, so that a cursor of
 * one list is refused by another.
 */
export async function entitiesPage(
  ctx: Context,
  label: Exclude<EntityLabel, 'Actor' | 'Initiative'>,
  args: { first: number; after?: string | null },
): Promise<EntityConnectionModel> {
  const first = checkFirst(args.first);
  const list = label.toLowerCase();
  const [fromKey, fromId] = args.after ? (decodeCursor(args.after, list, ['string', 'string']) as string[]) : ['', ''];
  const rows = await ctx.db.read(cypher('entitiesPage'), { label, fromKey, fromId, limit: first + 1 }, ctx.queries);
  const { items, hasNextPage } = pageOf(
    rows.map((row) => row.entity as EntityModel),
    first,
  );
  for (const item of items) ctx.loaders.entitiesById.prime(item.id, item);
  return {
    edges: items.map((node) => ({ node, cursor: encodeCursor(list, [node.sortKey, node.id]) })),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    count: lazyCount(ctx, 'entitiesCount', { label }),
  };
}

/** A page of the source documents in file-name order (cypher/sourcesPage.cypher). */
export async function sourcesPage(
  ctx: Context,
  args: { first: number; after?: string | null },
): Promise<SourceConnectionModel> {
  const first = checkFirst(args.first);
  const [fromId] = args.after ? (decodeCursor(args.after, 'sources', ['string']) as string[]) : [''];
  const rows = await ctx.db.read(cypher('sourcesPage'), { fromId, limit: first + 1 }, ctx.queries);
  const { items, hasNextPage } = pageOf(
    rows.map((row) => row.source as SourceModel),
    first,
  );
  return {
    edges: items.map((node) => ({ node, cursor: encodeCursor('sources', [node.id]) })),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    count: lazyCount(ctx, 'sourcesCount', {}),
  };
}

const INITIATIVE_KIND_NAMES: readonly string[] = INITIATIVE_KINDS;

/**
 * A page of initiatives in name order, filtered by kind and by funder
 * (cypher/initiativesPage.cypher). Funders are named like themes: slug, name or alias.
 */
export async function initiativesPage(
  ctx: Context,
  args: { first: number; after?: string | null; kinds?: readonly string[] | null; fundedBy?: readonly string[] | null },
): Promise<EntityConnectionModel> {
  const first = checkFirst(args.first);
  const [fromKey, fromId] = args.after
    ? (decodeCursor(args.after, 'initiatives', ['string', 'string']) as string[])
    : ['', ''];
  const unknownKind = args.kinds?.find((k) => !INITIATIVE_KIND_NAMES.includes(k));
  if (unknownKind !== undefined) {
    throw badUserInput(
      `"${unknownKind}" is not an initiative kind; use one of ${INITIATIVE_KINDS.join(', ')}.`,
      'kinds',
    );
  }
  const filter = {
    // Deduplicated: a list of 10,000 times "project" is checked against every row otherwise.
    kinds: args.kinds?.length ? [...new Set(args.kinds)] : null,
    funderIds: args.fundedBy?.length ? await resolveAnyNames(ctx, args.fundedBy, 'fundedBy') : null,
  };
  const rows = await ctx.db.read(
    cypher('initiativesPage'),
    { ...filter, fromKey, fromId, limit: first + 1 },
    ctx.queries,
  );
  const { items, hasNextPage } = pageOf(
    rows.map((row) => row.entity as EntityModel),
    first,
  );
  for (const item of items) ctx.loaders.entitiesById.prime(item.id, item);
  return {
    edges: items.map((node) => ({ node, cursor: encodeCursor('initiatives', [node.sortKey, node.id]) })),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    count: lazyCount(ctx, 'initiativesCount', filter),
  };
}
