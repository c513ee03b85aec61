import type { GraphQLResolveInfo } from 'graphql';
import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';
import type { ActorFilter, ActorOrder } from '../generated/graphql';
import type { ActorConnectionModel, ActorFacetsModel } from '../models';
import { keysetConnection, nameOrder, type PageArgs } from './connections';
import { filterParams, type FilterParams } from './filters';
import { plannedActors } from '../planner/plannedLists';

/** Filters through themes or regions count among those entities' actors, not all actors. */
export const actorsCountQuery = (filter: FilterParams) =>
  filter.themeIds || filter.regionIds ? 'actorsCountRelated' : 'actorsCount';

/**
 * A page of actors, filtered, in name order, with keyset cursors (cypher/actorsPage.cypher and
 * actorsPageDesc.cypher, one for each direction). The total (actorsCount) and the facets (actorFacets) are computed only
 * if the client selects them. With the field's resolve info, a page in name order is read with its
 * count and its nested relationship fields in one planned statement (src/planner/).
 */
export async function actorsPage(
  ctx: ReadContext,
  args: PageArgs & { filter?: ActorFilter | null; orderBy?: ActorOrder | null },
  info?: GraphQLResolveInfo,
): Promise<ActorConnectionModel> {
  const descending = args.orderBy === 'NAME_DESC';
  const planned = info && !descending ? await plannedActors(ctx, args, args.filter, info) : null;
  if (planned) return { ...planned.connection, facets: facetsOf(ctx, planned.filter) };
  const filter = await filterParams(ctx, args.filter);
  const connection = await keysetConnection(ctx, args, {
    ...nameOrder(ctx, 'actors', 'actor', descending),
    // A backward page of one order reads the other order's query, before the cursor.
    query: descending
      ? { forward: 'actorsPageDesc', backward: 'actorsPage' }
      : { forward: 'actorsPage', backward: 'actorsPageDesc' },
    params: filter,
    count: { query: actorsCountQuery(filter) },
  });
  return { ...connection, facets: facetsOf(ctx, filter) };
}

/** The facets of the actors that pass `filter` (cypher/actorFacets.cypher), read only when selected. */
function facetsOf(ctx: ReadContext, filter: FilterParams) {
  return async () => {
    const [row] = await ctx.db.read(cypher('actorFacets'), filter, ctx.queries);
    return (row ?? { kinds: [], themes: [], regions: [] }) as unknown as ActorFacetsModel;
  };
}
