import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  isLeafType,
  type GraphQLError,
  OperationTypeNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { QueryLimits } from '../config';
import { GraphQLValidationError, QueryTooComplexError, type LimitName } from '../errors';

/**
 * The query limits: depth, aliases and directives are graphql-armor validation rules; the cost
 * (rows a query may ask for) is graphql-query-complexity with an estimator that knows `first`;
 * tokens are graphql-js's own parser limit (Apollo's parseOptions.maxTokens). Each rejection is a
 * QUERY_TOO_COMPLEX error naming the limit, its maximum and what the query reached.
 */

/** graphql-armor reports "... limit of N exceeded, found M."; we keep M and say it our way. */
function foundIn(message: string): number | undefined {
  const match = /found (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function armorRule(
  make: (options: object) => (context: ValidationContext) => unknown,
  limit: LimitName,
  max: number,
  what: string,
): ValidationRule {
  return make({
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new QueryTooComplexError(limit, max, foundIn(error.message), what)),
    ],
  }) as ValidationRule;
}

/** Validation rules for depth, aliases and directives (introspection is not counted for depth). */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [
    knownOperationTypesRule,
    armorRule(maxDepthRule, 'depth', limits.maxDepth, 'depth (fields nested in fields)'),
    armorRule(maxAliasesRule, 'aliases', limits.maxAliases, 'number of aliases'),
    armorRule(maxDirectivesRule, 'directives', limits.maxDirectives, 'number of directives'),
  ];
}

/** No list argument of the schema allows more (graph's `limit`); larger values are counted as this. */
const LARGEST_LIST_ARGUMENT = 20_000;

function listSize(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(Math.max(1, Math.trunc(value)), LARGEST_LIST_ARGUMENT);
}

/**
 * The estimated number of rows a field may produce, with what it selects: a field that takes
 * `first` or `last` (or `limit`, as `graph` does) returns up to that many items, each costing what it
 * selects, so a list of 100 under a list of 100 costs about 10,000; `nodes(ids)` costs as many as
 * ids; any other object field costs 1 plus its selection; scalars are free. A value out of the
 * field's range is reported by the field itself as BAD_USER_INPUT naming it; for the estimate it
 * counts as at most LARGEST_LIST_ARGUMENT. A field that takes both `first` and `limit` (`rankings`)
 * reads a whole graph of up to `limit` nodes and edges to return `first` of them: it costs both.
 * Network metrics cost no rows of their own: they are computed once per graph, which `limit` bounds.
 */
export const rowEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const selection = Math.max(1, childComplexity);
  if (args.first !== undefined && args.limit !== undefined) {
    return (listSize(args.limit) ?? 0) + (listSize(args.first) ?? 0) * selection;
  }
  const size =
    listSize(args.first) ??
    listSize(args.last) ??
    listSize(args.limit) ??
    (Array.isArray(args.ids) ? Math.max(1, args.ids.length) : undefined);
  if (size !== undefined) return size * selection;
  return isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;
};

/**
 * graphql-js 16 validates a subscription against a schema without a Subscription type and only
 * fails when executing it, with an error that has no code. This rule (built into graphql-js 17
 * as KnownOperationTypesRule) refuses it at validation, as a client error.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const rootType =
      node.operation === OperationTypeNode.QUERY
        ? schema.getQueryType()
        : node.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!rootType)
      context.reportError(new GraphQLValidationError(`This API has no ${node.operation} operations.`, node));
  },
});

/** Rejects an operation whose estimated cost (with its variables) is above `maxCost`. */
export function costLimitPlugin<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    // requestDidStart fires once per request; the listener lives as long as the request.
    async requestDidStart() {
      return {
        // didResolveOperation fires after parsing and validation, before execution: the
        // document is valid and the operation is known, so variables can be applied.
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              ...(request.operationName ? { operationName: request.operationName } : {}),
              estimators: [rowEstimator],
            });
          } catch (error) {
            // Bad variables: execution reports them with the right code. Too many query nodes
            // (after fragment expansion) is itself a cost rejection.
            if (/nodes|maximum/i.test((error as Error).message))
              throw new QueryTooComplexError('cost', maxCost, undefined, 'estimated cost');
            return;
          }
          if (cost > maxCost)
            throw new QueryTooComplexError('cost', maxCost, cost, 'estimated cost (rows it may return)');
        },
      };
    },
  };
}
