import type { Context } from '../context';
import { cypher } from '../db/cypher';
import type { ActorFilter, ActorOrder } from '../generated/graphql';
import { checkFirst, decodeCursor, encodeCursor, pageOf } from '../graphql/pagination';
import type { ActorConnectionModel, ActorFacetsModel, EntityModel } from '../models';
import { lazyCount } from './connections';
import { resolveNames } from './resolveNames';

const CURSOR = 'actors';
/** Sorts after every folded name: the start of a descending walk. */
const END_OF_NAMES = '\uffff';

/** The ActorFilter as query parameters: names resolved to ids (with descendants), kinds lower-cased. */
async function filterParams(ctx: Context, filter: ActorFilter | null | undefined) {
  const ids = async (label: 'Theme' | 'Region', names: readonly string[] | null | undefined, argument: string) =>
    names?.length ? (await resolveNames(ctx, label, names, argument)).flatMap((r) => r.ids) : null;
  return {
    kinds: filter?.kinds?.length ? filter.kinds.map((k) => k.toLowerCase()) : null,
    themeIds: await ids('Theme', filter?.themes, 'filter.themes'),
    regionIds: await ids('Region', filter?.regions, 'filter.regions'),
    stageIds: filter?.stages?.length ? filter.stages.map((s) => s.toLowerCase().replace('_', '-')) : null,
  };
}

/**
 * A page of actors, filtered, in name order, with keyset cursors (cypher/actorsPage.cypher or
 * actorsPageDesc.cypher). The total (actorsCount) and the facets (actorFacets) are computed only
 * if the client selects them.
 */
export async function actorsPage(
  ctx: Context,
  args: { filter?: ActorFilter | null; orderBy?: ActorOrder | null; first: number; after?: string | null },
): Promise<ActorConnectionModel> {
  const first = checkFirst(args.first);
  const descending = args.orderBy === 'NAME_DESC';
  const [fromKey, fromId] = args.after
    ? (decodeCursor(args.after, CURSOR, ['string', 'string']) as string[])
    : descending
      ? [END_OF_NAMES, END_OF_NAMES]
      : ['', ''];
  const filter = await filterParams(ctx, args.filter);
  const rows = await ctx.db.read(
    cypher(descending ? 'actorsPageDesc' : 'actorsPage'),
    { ...filter, fromKey, fromId, limit: first + 1 },
    ctx.queries,
  );
  const { items, hasNextPage } = pageOf(
    rows.map((row) => row.actor as EntityModel),
    first,
  );
  for (const item of items) ctx.loaders.entitiesById.prime(item.id, item);
  const unpaged = { ...filter, fromKey: '', fromId: '' };
  return {
    edges: items.map((node) => ({ node, cursor: encodeCursor(CURSOR, [node.sortKey, node.id]) })),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    // Filters through themes or regions count among those entities' actors, not all actors.
    count: lazyCount(ctx, filter.themeIds || filter.regionIds ? 'actorsCountRelated' : 'actorsCount', unpaged),
    facets: async () => {
      const [row] = await ctx.db.read(cypher('actorFacets'), unpaged, ctx.queries);
      return (row ?? { kinds: [], themes: [], regions: [] }) as unknown as ActorFacetsModel;
    },
  };
}
