import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';
import type { ActorFilter, ActorOrder } from '../generated/graphql';
import type { ActorConnectionModel, ActorFacetsModel } from '../models';
import { keysetConnection, nameOrder, type PageArgs } from './connections';
import { filterParams } from './filters';

/**
 * A page of actors, filtered, in name order, with keyset cursors (cypher/actorsPage.cypher and
 * actorsPageDesc.cypher, one for each direction). The total (actorsCount) and the facets (actorFacets) are computed only
 * if the client selects them.
 */
export async function actorsPage(
  ctx: ReadContext,
  args: PageArgs & { filter?: ActorFilter | null; orderBy?: ActorOrder | null },
): Promise<ActorConnectionModel> {
  const descending = args.orderBy === 'NAME_DESC';
  const filter = await filterParams(ctx, args.filter);
  const connection = await keysetConnection(ctx, args, {
    ...nameOrder(ctx, 'actors', 'actor', descending),
    // A backward page of one order reads the other order's query, before the cursor.
    query: descending
      ? { forward: 'actorsPageDesc', backward: 'actorsPage' }
      : { forward: 'actorsPage', backward: 'actorsPageDesc' },
    params: filter,
    // Filters through themes or regions count among those entities' actors, not all actors.
    count: { query: filter.themeIds || filter.regionIds ? 'actorsCountRelated' : 'actorsCount' },
  });
  return {
    ...connection,
    facets: async () => {
      const [row] = await ctx.db.read(cypher('actorFacets'), filter, ctx.queries);
      return (row ?? { kinds: [], themes: [], regions: [] }) as unknown as ActorFacetsModel;
    },
  };
}
