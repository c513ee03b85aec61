import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  isLeafType,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
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
 * The expensive fields: graph searches, whose work grows with how far they may walk rather than
 * with the rows they return, each with the argument that bounds the walk (the schema's default
 * applies when it is left out). Query.paths searches up to `maxHops` hops (1 to 6);
 * Query.neighbourhood walks `depth` levels (1 to 3).
 */
export const EXPENSIVE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['Query.paths', 'maxHops'],
  ['Query.neighbourhood', 'depth'],
]);

/**
 * What one hop of a graph search counts for, in rows: the order of the db hits a hop costs in the
 * worst cases on the seed graph (PROFILE, test/integration/boundedSearches.test.ts): `paths` with
 * `maxHops: 6` at most about 4,600 (some 800 a hop); `neighbourhood` at depth 3 from the biggest
 * hub with `first: 500` about 17,400, whose 500 rows the estimate counts as well. Six hops count
 * 6,000, so 30 aliases of the worst `paths` (180,000) are over the default cost.
 */
export const SEARCH_COST_PER_HOP = 1_000;

/** No search argument of the schema allows more than 6 hops; larger values are counted as this. */
const LARGEST_HOP_ARGUMENT = 100;

function hopCount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 1;
  return Math.min(Math.max(1, Math.trunc(value)), LARGEST_HOP_ARGUMENT);
}

/**
 * The estimated number of rows a field may produce, with what it selects: a field that takes
 * `first` or `last` (or `limit`, as `graph` does) returns up to that many items, each costing what it
 * selects, so a list of 100 under a list of 100 costs about 10,000; `nodes(ids)` costs as many as
 * ids; any other object field costs 1 plus its selection; scalars are free. A graph search
 * (EXPENSIVE_FIELDS) costs SEARCH_COST_PER_HOP for each hop it may walk on top of that. A value out
 * of the field's range is reported by the field itself as BAD_USER_INPUT naming it; for the
 * estimate it counts as at most LARGEST_LIST_ARGUMENT (LARGEST_HOP_ARGUMENT for hops). A field that
 * takes both `first` and `limit` (`rankings`) reads a whole graph of up to `limit` nodes and edges
 * to return `first` of them: it costs both. Network metrics cost no rows of their own: they are
 * computed once per graph, which `limit` bounds.
 */
export const rowEstimator: ComplexityEstimator = ({ args, field, type, childComplexity }) => {
  const hopsArgument = EXPENSIVE_FIELDS.get(`${type.name}.${field.name}`);
  const search = hopsArgument === undefined ? 0 : hopCount(args[hopsArgument]) * SEARCH_COST_PER_HOP;
  const selection = Math.max(1, childComplexity);
  if (args.first !== undefined && args.limit !== undefined) {
    return search + (listSize(args.limit) ?? 0) + (listSize(args.first) ?? 0) * selection;
  }
  const size =
    listSize(args.first) ??
    listSize(args.last) ??
    listSize(args.limit) ??
    (Array.isArray(args.ids) ? Math.max(1, args.ids.length) : undefined);
  if (size !== undefined) return search + size * selection;
  return search + (isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity);
};

/** Counts the expensive fields (EXPENSIVE_FIELDS) an operation asks for, aliases and fragments included. */
export const expensiveFieldEstimator: ComplexityEstimator = ({ field, type, childComplexity }) =>
  (EXPENSIVE_FIELDS.has(`${type.name}.${field.name}`) ? 1 : 0) + childComplexity;

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

/**
 * The arguments whose values rowEstimator reads (the hop bounds of the graph searches too); a
 * variable anywhere else cannot change a cost.
 */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'ids', ...EXPENSIVE_FIELDS.values()]);

/**
 * The variables of a document that can change its estimated cost: those given to a size
 * argument (SIZE_ARGUMENTS) and those of directives (`@include(if: $x)` and `@skip` prune the
 * selection the estimate walks). Found once per document.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inSizeArgument = 0;
  let inDirective = 0;
  visit(document, {
    Argument: {
      enter: (node) => void (SIZE_ARGUMENTS.has(node.name.value) && inSizeArgument++),
      leave: (node) => void (SIZE_ARGUMENTS.has(node.name.value) && inSizeArgument--),
    },
    Directive: { enter: () => void inDirective++, leave: () => void inDirective-- },
    Variable: (node) => {
      if (inSizeArgument > 0 || inDirective > 0) names.add(node.name.value);
    },
    // The definitions ($n: Int = 10) name every variable; only the uses above count.
    VariableDefinition: () => false,
  });
  return [...names].sort();
}

/**
 * The part of the variables that the estimate reads, as a string: a list counts by its length
 * (`ids: $ids` costs as many as ids), anything else by its value. Two requests of one document
 * whose shapes are equal have the same cost.
 */
export function variablesShape(names: readonly string[], variables: Record<string, unknown>): string {
  return JSON.stringify(
    names.map((name) => {
      const value = variables[name];
      return Array.isArray(value) ? { length: value.length } : (value ?? null);
    }),
  );
}

/** What the cost limit measures of an operation: its graph searches and its estimated rows. */
export interface OperationCost {
  searches: number;
  rows: number;
}

/** Cost estimates kept per document; more shapes than this for one document start its map afresh. */
const SHAPES_PER_DOCUMENT = 100;

/**
 * The estimated cost of an operation, cached per document and variables shape. Apollo keeps one
 * parsed and validated DocumentNode per query text (its documentStore), so the same query comes
 * back as the same object and the WeakMap forgets it when Apollo does. A request whose variables
 * make the estimate throw is not cached: it throws again, for the caller to handle.
 */
export class CostCache {
  private readonly documents = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, OperationCost> }>();

  cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | undefined,
  ): OperationCost {
    let entry = this.documents.get(document);
    if (!entry) {
      entry = { variables: costVariables(document), costs: new Map() };
      this.documents.set(document, entry);
    }
    const key = `${operationName ?? ''}\u0000${variablesShape(entry.variables, variables)}`;
    const known = entry.costs.get(key);
    if (known !== undefined) return known;
    const measure = (estimator: ComplexityEstimator) =>
      getComplexity({
        schema,
        query: document,
        variables,
        ...(operationName ? { operationName } : {}),
        estimators: [estimator],
      });
    const cost = { searches: measure(expensiveFieldEstimator), rows: measure(rowEstimator) };
    if (entry.costs.size >= SHAPES_PER_DOCUMENT) entry.costs.clear();
    entry.costs.set(key, cost);
    return cost;
  }
}

/**
 * Rejects an operation with more than `maxExpensiveFields` graph searches, or whose estimated
 * cost (with its variables) is above `maxCost`.
 */
export function costLimitPlugin<TContext extends object>(
  limits: Pick<QueryLimits, 'maxCost' | 'maxExpensiveFields'>,
): ApolloServerPlugin<TContext> {
  const { maxCost, maxExpensiveFields } = limits;
  // One cache per server: the estimate of a document depends on the schema and the variables only.
  const costs = new CostCache();
  return {
    // requestDidStart fires once per request; the listener lives as long as the request.
    async requestDidStart() {
      return {
        // didResolveOperation fires after parsing and validation, before execution: the
        // document is valid and the operation is known, so variables can be applied.
        async didResolveOperation({ request, document, schema }) {
          let searches: number;
          let cost: number;
          try {
            ({ searches, rows: cost } = costs.cost(
              schema,
              document,
              request.variables ?? {},
              request.operationName ?? undefined,
            ));
          } catch (error) {
            // Bad variables: execution reports them with the right code. Too many query nodes
            // (after fragment expansion) is itself a cost rejection.
            if (/nodes|maximum/i.test((error as Error).message))
              throw new QueryTooComplexError('cost', maxCost, undefined, 'estimated cost');
            return;
          }
          // Searches first: a request of many searches is refused with the limit it broke, even
          // when their cost alone would also be over.
          if (searches > maxExpensiveFields)
            throw new QueryTooComplexError(
              'expensiveFields',
              maxExpensiveFields,
              searches,
              'number of graph searches (`paths` and `neighbourhood` fields)',
            );
          if (cost > maxCost)
            throw new QueryTooComplexError('cost', maxCost, cost, 'estimated cost (rows it may return)');
        },
      };
    },
  };
}
