/** Resolvers of schema/base.graphql: `node`, `nodes`, the Node interface and the Date and URL scalars. */
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { badUserInput, notFound } from '../graphql/errors';
import { fromSlugOrGlobalId } from '../graphql/globalId';
import { DateScalar, URLScalar } from '../graphql/scalars';
import type { EntityModel, SourceModel } from '../models';
import { entityTypeOf } from './typeNames';
import { truncate } from '../text/truncate';

async function load(ctx: Context, id: string, argumentName: string): Promise<EntityModel | SourceModel> {
  // A slug names an entity (sources have no slugs); a global id says its type, which must match.
  const { type, key } = fromSlugOrGlobalId(id, argumentName);
  const found = type === 'Source' ? await ctx.loaders.sourcesById.load(key) : await ctx.loaders.entitiesById.load(key);
  if (!found || (type !== undefined && 'label' in found && found.label !== type))
    throw notFound(`No object has the id "${truncate(id)}".`);
  return found;
}

export const baseResolvers = {
  Query: {
    node: (_parent, { id }, ctx) => load(ctx, id, 'id'),
    /**
     * Each id is loaded through the batched loaders; an unknown one is null with its own error. At
     * most a page's worth of ids: each bad one costs a formatted error.
     */
    nodes: (_parent, { ids }, ctx) => {
      if (ids.length > ctx.maxPageSize)
        throw badUserInput(`"ids" may list at most ${ctx.maxPageSize} ids, not ${ids.length}.`, 'ids');
      return Promise.all(ids.map((id) => load(ctx, id, 'ids').catch((error: Error) => error as never)));
    },
  },
  Date: DateScalar,
  URL: URLScalar,
  Node: {
    // A record without a label is a Source.
    __resolveType: (node) => ('label' in node ? entityTypeOf(node) : 'Source'),
  },
} satisfies Resolvers;
