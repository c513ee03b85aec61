import { buildSchema, parse, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { rowEstimator } from '../../src/server/limits';

/** The real schema (schema/*.graphql), as the server builds it. */
const schema = buildSchema(loadTypeDefs().join('\n'));

/** The estimated cost of a query, after checking that it is valid against the schema. */
function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return getComplexity({ schema, query: document, variables, estimators: [rowEstimator] });
}

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
