import type { QueryResolvers } from '../../generated/graphql';
import { badUserInput, notFound } from '../../graphql/errors';
import { fromGlobalId } from '../../graphql/globalId';

export const actor: QueryResolvers['actor'] = async (_parent, { id }, ctx) => {
  const { type, key } = fromGlobalId(id);
  if (type !== 'Actor') throw badUserInput(`"${id}" is the id of a ${type}, not of an Actor.`, 'id');
  const entity = await ctx.loaders.entitiesById.load(key);
  if (!entity || entity.label !== 'Actor') throw notFound(`No actor has the id "${id}".`);
  return entity;
};
