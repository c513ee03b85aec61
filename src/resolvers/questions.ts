/**
 * Resolvers of schema/questions.graphql: the root fields that answer users' questions (`entity`,
 * `search`, `supporters`, `neighbourhood`, `paths`, `fact`) and the types of their answers.
 */
import type { RelationshipType, Resolvers } from '../generated/graphql';
import { citationsOf } from '../models';
import { plannable } from '../planner/plannable';
import { isNegated } from '../queries/negation';
import { entityByRef, fact, neighbourhood, paths } from '../queries/graphQueries';
import { search } from '../queries/search';
import { supporters } from '../queries/supporters';
import { connectionFields } from './connectionFields';

export const questionsResolvers = {
  Query: {
    entity: (_parent, { ref }, ctx, info) => entityByRef(ctx, ref, 'ref', plannable(ctx, info)),
    search: (_parent, args, ctx, info) => search(ctx, args, plannable(ctx, info)),
    supporters: (_parent, args, ctx) => supporters(ctx, args),
    neighbourhood: (_parent, args, ctx) => neighbourhood(ctx, args),
    paths: (_parent, args, ctx) => paths(ctx, args),
    fact: (_parent, args, ctx) => fact(ctx, args),
  },
  SearchConnection: connectionFields(),
  SupporterConnection: connectionFields(),
  Hop: {
    type: (hop) => hop.type as RelationshipType,
    negated: (hop) => isNegated(hop.type),
    walkedForward: (hop) => hop.walkedForward ?? null,
    sources: (hop) => citationsOf(hop),
  },
  // `center` is the deprecated spelling of `centre`, kept so that older queries still run.
  Neighbourhood: {
    center: (neighbourhood) => neighbourhood.centre,
  },
  Path: {
    length: (path) => path.hops.length,
  },
  FactCheck: {
    type: (check) => check.type as RelationshipType,
    sources: (check) => citationsOf(check),
  },
} satisfies Resolvers;
