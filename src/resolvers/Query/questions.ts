import type { QueryResolvers } from '../../generated/graphql';
import {
  entityByRef,
  fact as factCheck,
  neighbourhood as neighbourhoodOf,
  paths as shortestPaths,
} from '../../queries/graphQueries';
import { search as fullTextSearch } from '../../queries/search';
import { supporters as supportersOf } from '../../queries/supporters';

export const search: QueryResolvers['search'] = (_parent, args, ctx) => fullTextSearch(ctx, args);
export const supporters: QueryResolvers['supporters'] = (_parent, args, ctx) => supportersOf(ctx, args);
export const neighbourhood: QueryResolvers['neighbourhood'] = (_parent, args, ctx) => neighbourhoodOf(ctx, args);
export const paths: QueryResolvers['paths'] = (_parent, args, ctx) => shortestPaths(ctx, args);
export const fact: QueryResolvers['fact'] = (_parent, args, ctx) => factCheck(ctx, args);
export const entity: QueryResolvers['entity'] = (_parent, { ref }, ctx) => entityByRef(ctx, ref, 'ref');
