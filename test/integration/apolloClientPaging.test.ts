import { ApolloClient, HttpLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { buildASTSchema, isAbstractType, parse } from 'graphql';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { startSeededServer, stopSeededServer, type TestServer } from './harness';

/**
 * Conformance with a client others wrote (issue 13): Apollo Client's core, with an InMemoryCache
 * that knows the schema's possible types and merges Query.actors with relayStylePagination, pages
 * the actors forwards with fetchMore and backwards, and the cache holds every actor exactly once,
 * in order, with the pageInfo of the whole list.
 */

let db: Database | undefined;
let server: TestServer | undefined;
beforeAll(async () => ({ db, server } = await startSeededServer()));
afterAll(() => stopSeededServer(db, server));

/** Every interface and union of the schema with the object types that implement it, as Apollo's cache wants them. */
function possibleTypes(): Record<string, string[]> {
  const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) result[type.name] = schema.getPossibleTypes(type).map((t) => t.name);
  }
  return result;
}

interface ActorsData {
  actors: {
    edges: { cursor: string; node: { __typename: string; id: string; slug: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}
interface ActorsVariables {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

const ACTORS: TypedDocumentNode<ActorsData, ActorsVariables> = gql`
  query Actors($first: Int, $after: String, $last: Int, $before: String) {
    actors(first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
          slug
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

function newClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: `${server!.url}/graphql` }),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes(),
      typePolicies: { Query: { fields: { actors: relayStylePagination(['filter', 'orderBy']) } } },
    }),
  });
}

const PAGE = 10;

async function allActorSlugs(): Promise<string[]> {
  const rows = await db!.read(cypher('test/allActorIds'));
  return rows.map((r) => r.id as string);
}

test('the possible types come from the schema: Actor and Entity are abstract', () => {
  const types = possibleTypes();
  expect(types.Actor!.length).toBeGreaterThan(3);
  expect(types.Entity).toEqual(expect.arrayContaining(types.Actor!));
});

test('Apollo Client pages the actors forwards with fetchMore: no duplicates, no gaps, exact pageInfo', async () => {
  const slugs = await allActorSlugs();
  const client = newClient();
  const observable = client.watchQuery({ query: ACTORS, variables: { first: PAGE } });
  const subscription = observable.subscribe(() => undefined);
  try {
    let result = await client.query({ query: ACTORS, variables: { first: PAGE } });
    expect(result.data!.actors.pageInfo.hasPreviousPage).toBe(false);
    let fetches = 1;
    while (result.data!.actors.pageInfo.hasNextPage) {
      await observable.fetchMore({ variables: { after: result.data!.actors.pageInfo.endCursor! } });
      result = await client.query({ query: ACTORS, variables: { first: PAGE }, fetchPolicy: 'cache-only' });
      fetches += 1;
      expect(fetches).toBeLessThan(slugs.length);
    }
    const { edges, pageInfo } = result.data!.actors;
    expect(fetches).toBe(Math.ceil(slugs.length / PAGE));
    expect(edges.map((e) => e.node.slug)).toEqual(slugs);
    expect(new Set(edges.map((e) => e.cursor)).size).toBe(slugs.length);
    expect(pageInfo).toEqual({
      __typename: 'PageInfo',
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges.at(-1)!.cursor,
    });
    // The nodes are normalised under their own typenames (possibleTypes), each once.
    expect(edges.every((e) => e.node.__typename !== 'Actor' && e.node.__typename.length > 0)).toBe(true);
  } finally {
    subscription.unsubscribe();
    client.stop();
  }
});

test('Apollo Client pages the actors backwards from the end with fetchMore: no duplicates, no gaps', async () => {
  const slugs = await allActorSlugs();
  const client = newClient();
  const observable = client.watchQuery({ query: ACTORS, variables: { last: PAGE } });
  const subscription = observable.subscribe(() => undefined);
  try {
    let result = await client.query({ query: ACTORS, variables: { last: PAGE } });
    expect(result.data!.actors.pageInfo.hasNextPage).toBe(false);
    expect(result.data!.actors.edges.at(-1)!.node.slug).toBe(slugs.at(-1));
    let fetches = 1;
    while (result.data!.actors.pageInfo.hasPreviousPage) {
      await observable.fetchMore({ variables: { before: result.data!.actors.pageInfo.startCursor! } });
      result = await client.query({ query: ACTORS, variables: { last: PAGE }, fetchPolicy: 'cache-only' });
      fetches += 1;
      expect(fetches).toBeLessThan(slugs.length);
    }
    const { edges, pageInfo } = result.data!.actors;
    expect(fetches).toBe(Math.ceil(slugs.length / PAGE));
    expect(edges.map((e) => e.node.slug)).toEqual(slugs);
    expect(new Set(edges.map((e) => e.cursor)).size).toBe(slugs.length);
    expect(pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges.at(-1)!.cursor,
    });
  } finally {
    subscription.unsubscribe();
    client.stop();
  }
});
