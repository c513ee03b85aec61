import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { loadApiSettings } from '../../src/config';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { costLimitPlugin, expensiveFieldEstimator, rowEstimator, SEARCH_COST_PER_HOP } from '../../src/server/limits';

/** The real schema (schema/*.graphql), as the server builds it. */
const schema = buildSchema(loadTypeDefs().join('\n'));

/** The estimated cost of a query, after checking that it is valid against the schema. */
function costOf(query: string, variables: Record<string, unknown> = {}, estimator = rowEstimator): number {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return getComplexity({ schema, query: document, variables, estimators: [estimator] });
}

/** The number of graph searches (paths, neighbourhood) a query asks for. */
const searchesIn = (query: string, variables: Record<string, unknown> = {}) =>
  costOf(query, variables, expensiveFieldEstimator);

/** The issue's worst `paths` request: no INCUBATES path joins the two, so the search goes all 6 hops. */
const WORST_PATHS =
  'paths(from: "life-science-health", to: "firs-ls-agenda", maxHops: 6, relationshipTypes: [INCUBATES], first: 1) { length }';

/** `count` aliases of `field`, in one query. */
const aliased = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

test('scalars are free and an object costs one plus what it selects', () => {
  expect(costOf('{ actor(id: "lund-university") { name slug } }')).toBe(1);
  expect(costOf('{ actor(id: "lund-university") { name figures { metric value } } }')).toBe(2);
});

test('a list of `first` items costs `first` times what each item selects', () => {
  // nodes is an object list without `first`: 1 (itself) + 0 (slug); the page multiplies it by 100.
  expect(costOf('{ actors(first: 100) { nodes { slug } } }')).toBe(100);
  expect(costOf('{ actors(first: 7) { totalCount } }')).toBe(7);
  expect(costOf('{ actors(first: 20) { edges { cursor node { slug } } } }')).toBe(20 * (1 + 1));
});

test('nested lists multiply: 100 actors with 100 relationships each cost about 10,000', () => {
  const query = `{ actors(first: 100) { nodes { slug relationships(first: 100) { edges { node { slug } } } } } }`;
  // relationships: 100 × (edges 1 + node 1) = 200; nodes: 1 + 200; actors: 100 × 201.
  expect(costOf(query)).toBe(100 * (1 + 100 * 2));
});

test('variables are applied: first from a variable counts like a literal', () => {
  const query = 'query ($n: Int!) { search(query: "lund", first: $n) { edges { score node { slug } } } }';
  expect(costOf(query, { n: 30 })).toBe(30 * 2);
  expect(costOf(query, { n: 3 })).toBe(3 * 2);
});

test('graph counts its `limit` (5000 by default) and nodes(ids) counts its ids', () => {
  expect(costOf('{ graph(limit: 250) { nodes { entityId } } }')).toBe(250);
  expect(costOf('{ graph { nodes { entityId } } }')).toBe(5000);
  expect(costOf('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(3);
});

test('a size out of range is counted as at most 20,000, and below 1 as 1', () => {
  expect(costOf('{ actors(first: 1000000) { totalCount } }')).toBe(20_000);
  expect(costOf('{ actors(first: -5) { totalCount } }')).toBe(1);
  expect(costOf('{ actors(first: 0) { nodes { slug } } }')).toBe(1);
});

test('rankings reads a graph of `limit` and returns `first` nodes: it costs both', () => {
  expect(costOf('{ rankings(metric: BETWEENNESS) { rank value node { entityId } } }')).toBe(5000 + 10 * 1);
  expect(
    costOf('{ rankings(metric: PAGERANK, first: 5, limit: 300) { rank node { label metrics { degree } } } }'),
  ).toBe(300 + 5 * 2);
});

describe('graph searches cost by the hops they may walk', () => {
  test('paths costs SEARCH_COST_PER_HOP per hop of maxHops, plus its rows; maxHops defaults to 4', () => {
    expect(SEARCH_COST_PER_HOP).toBe(1000);
    expect(costOf(`{ ${WORST_PATHS} }`)).toBe(6 * 1000 + 1);
    expect(costOf('{ paths(from: "a", to: "b", maxHops: 1, first: 1) { length } }')).toBe(1000 + 1);
    // Default maxHops 4 and first 10; each path selects nodes (1) and hops (1 + from 1).
    expect(costOf('{ paths(from: "a", to: "b") { nodes { slug } hops { from { slug } } } }')).toBe(4000 + 10 * 3);
    // From a variable, like a literal.
    expect(costOf('query ($h: Int) { paths(from: "a", to: "b", maxHops: $h, first: 1) { length } }', { h: 2 })).toBe(
      2001,
    );
  });

  test('neighbourhood costs per level of depth (1 by default), plus its rows', () => {
    expect(costOf('{ neighbourhood(id: "skane") { truncated } }')).toBe(1000 + 100);
    expect(costOf('{ neighbourhood(id: "skane", depth: 3, first: 500) { nodes { distance } } }')).toBe(3000 + 500 * 1);
  });

  test('hops out of range count as at most 100 (the field itself refuses them as BAD_USER_INPUT)', () => {
    expect(costOf('{ paths(from: "a", to: "b", maxHops: 1000000, first: 1) { length } }')).toBe(100 * 1000 + 1);
    expect(costOf('{ paths(from: "a", to: "b", maxHops: -3, first: 1) { length } }')).toBe(1000 + 1);
  });

  test('30 aliases of the worst paths request cost 180,030: over the default limit, which they once scored 30 against', () => {
    const cost = costOf(aliased(30, WORST_PATHS));
    expect(cost).toBe(30 * 6001);
    expect(cost).toBeGreaterThan(loadApiSettings({}).limits.maxCost);
  });

  test('the searches of a query are counted through aliases, fragments and variables', () => {
    expect(searchesIn(aliased(30, WORST_PATHS))).toBe(30);
    expect(searchesIn('{ actors(first: 100) { nodes { slug } } }')).toBe(0);
    const fragment =
      'fragment S on Query { x: paths(from: "a", to: "b") { length } y: paths(from: "b", to: "a") { length } }';
    expect(searchesIn(`{ ...S neighbourhood(id: "skane") { truncated } } ${fragment}`)).toBe(3);
    // A fragment spread twice counts twice, although execution merges the fields: like the cost,
    // the count errs on the safe side (graphql-query-complexity does not merge fields).
    expect(searchesIn(`{ ...S ...S } ${fragment}`)).toBe(4);
    expect(
      searchesIn('query ($skip: Boolean!) { paths(from: "a", to: "b") @skip(if: $skip) { length } }', { skip: true }),
    ).toBe(0);
  });
});

describe('the cost plugin refuses too many searches, then too much cost', () => {
  /** A server of the real schema with only the cost plugin; fields resolve to null. */
  async function ask(limits: { maxCost: number; maxExpensiveFields: number }, query: string) {
    const server = new ApolloServer({ schema, plugins: [costLimitPlugin(limits)] });
    await server.start();
    try {
      const response = await server.executeOperation({ query });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return { status: response.http.status, errors: response.body.singleResult.errors };
    } finally {
      await server.stop();
    }
  }
  const defaults = loadApiSettings({}).limits;

  test('MEDICON_MAX_EXPENSIVE_FIELDS is 3 by default and read from the environment', () => {
    expect(defaults.maxExpensiveFields).toBe(3);
    expect(loadApiSettings({ MEDICON_MAX_EXPENSIVE_FIELDS: '5' }).limits.maxExpensiveFields).toBe(5);
  });

  test('three searches pass; a fourth is QUERY_TOO_COMPLEX naming the limit', async () => {
    expect((await ask(defaults, aliased(3, WORST_PATHS))).errors).toBeUndefined();
    const { status, errors } = await ask(defaults, aliased(4, WORST_PATHS));
    expect(status).toBe(400);
    expect(errors).toHaveLength(1);
    expect(errors![0]!.message).toBe(
      "The query's number of graph searches (`paths` and `neighbourhood` fields) is 4; the limit is 3.",
    );
    expect(errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'expensiveFields',
      max: 3,
      found: 4,
    });
  });

  test('30 aliases of the worst paths request are refused by the search limit, and by cost where that is raised', async () => {
    const bySearches = await ask(defaults, aliased(30, WORST_PATHS));
    expect(bySearches.errors![0]!.extensions).toMatchObject({ limit: 'expensiveFields', found: 30 });
    const byCost = await ask({ ...defaults, maxExpensiveFields: 100 }, aliased(30, WORST_PATHS));
    expect(byCost.status).toBe(400);
    expect(byCost.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      max: 100_000,
      found: 180_030,
    });
  });
});
