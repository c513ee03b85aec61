import { buildSchema, parse } from 'graphql';
import * as complexity from 'graphql-query-complexity';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { CostCache, costVariables, rowEstimator, variablesShape } from '../../src/server/limits';

// Counts the estimates actually computed, to tell a cache hit from a miss.
jest.mock('graphql-query-complexity', () => {
  const actual = jest.requireActual<typeof complexity>('graphql-query-complexity');
  return { ...actual, getComplexity: jest.fn(actual.getComplexity) };
});
const getComplexity = complexity.getComplexity as jest.MockedFunction<typeof complexity.getComplexity>;

const schema = buildSchema(loadTypeDefs().join('\n'));

const MEMBER_PAGE = parse(`query MemberPage($id: ID!, $first: Int!, $withCount: Boolean!) {
  actor(id: $id) {
    slug
    relationships(types: [MEMBER_OF], direction: INCOMING, first: $first) {
      totalCount @include(if: $withCount)
      edges { node { slug } }
    }
  }
}`);

beforeEach(() => getComplexity.mockClear());

test('the variables that can change a cost are those of size arguments and directives', () => {
  expect(costVariables(MEMBER_PAGE)).toEqual(['first', 'withCount']);
  expect(
    costVariables(
      parse('query ($ids: [ID!]!, $q: String!) { nodes(ids: $ids) { id } search(query: $q, first: 5) { totalCount } }'),
    ),
  ).toEqual(['ids']);
  // In a fragment too.
  expect(
    costVariables(parse('query ($n: Int) { ...F } fragment F on Query { actors(last: $n) { totalCount } }')),
  ).toEqual(['n']);
});

test('the hop bounds of graph searches are cost variables: six hops cost more than one', () => {
  const paths = parse(
    'query ($from: ID!, $to: ID!, $hops: Int!) { paths(from: $from, to: $to, maxHops: $hops, first: 1) { length } }',
  );
  expect(costVariables(paths)).toEqual(['hops']);
  const cache = new CostCache();
  const one = cache.cost(schema, paths, { from: 'a', to: 'b', hops: 1 }, undefined);
  const six = cache.cost(schema, paths, { from: 'a', to: 'b', hops: 6 }, undefined);
  expect(one.searches).toBe(1);
  expect(six.rows).toBeGreaterThan(one.rows);
});

test('a shape keeps the values of those variables, and lists by their length', () => {
  expect(variablesShape(['first', 'ids'], { first: 20, ids: ['a', 'b'], id: 'x' })).toBe('[20,{"length":2}]');
  expect(variablesShape(['first'], {})).toBe('[null]');
});

test('the cached cost equals the computed one, and is computed once per document and shape', () => {
  const cache = new CostCache();
  const direct = (variables: Record<string, unknown>) =>
    complexity.getComplexity({ schema, query: MEMBER_PAGE, variables, estimators: [rowEstimator] });
  const expected20 = direct({ id: 'a', first: 20, withCount: true });
  const expected50 = direct({ id: 'a', first: 50, withCount: true });
  getComplexity.mockClear();

  expect(cache.cost(schema, MEMBER_PAGE, { id: 'a', first: 20, withCount: true }, 'MemberPage').rows).toBe(expected20);
  // Another actor, same page size: the same cost, not computed again.
  expect(cache.cost(schema, MEMBER_PAGE, { id: 'b', first: 20, withCount: true }, 'MemberPage').rows).toBe(expected20);
  // Two estimates per computation: the graph searches and the rows.
  expect(getComplexity).toHaveBeenCalledTimes(2);
  // Another page size is another shape: computed, and different.
  expect(cache.cost(schema, MEMBER_PAGE, { id: 'b', first: 50, withCount: true }, 'MemberPage').rows).toBe(expected50);
  expect(expected50).toBeGreaterThan(expected20);
  expect(getComplexity).toHaveBeenCalledTimes(4);
  // The same text parsed again is another document (Apollo would hand back its stored one).
  cache.cost(schema, parse(MEMBER_PAGE.loc!.source.body), { id: 'a', first: 20, withCount: true }, 'MemberPage');
  expect(getComplexity).toHaveBeenCalledTimes(6);
});

test('an estimate that throws is not cached', () => {
  const cache = new CostCache();
  const bad = { id: 'a', first: 'twenty', withCount: true };
  expect(() => cache.cost(schema, MEMBER_PAGE, bad, 'MemberPage')).toThrow();
  expect(() => cache.cost(schema, MEMBER_PAGE, bad, 'MemberPage')).toThrow();
  expect(getComplexity).toHaveBeenCalledTimes(2);
});
