import { SEED_DIR } from '../../src/bootstrap';
import { createContext } from '../../src/context';
import type { Database } from '../../src/db/Database';
import { toGlobalId } from '../../src/graphql/globalId';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { sortKey } from '../../src/text/fold';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';

let db: Database;
let server: TestServer;
const seed = loadSeedFiles(SEED_DIR);
const seededActors = seed.entities.filter((e) => e.label === 'Actor');

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

test('actors(first: 5) over HTTP returns actors read from Neo4j, with the total', async () => {
  const { status, body } = await postGraphQL(
    server,
    '{ actors(first: 5) { totalCount edges { cursor node { id name nameEn kind slug } } } }',
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data.actors.totalCount).toBe(seededActors.length);
  expect(body.data.actors.edges).toHaveLength(5);
  const expected = [...seededActors]
    .map((a) => a.record)
    .sort((a, b) =>
      sortKey(a.name) < sortKey(b.name) ? -1 : sortKey(a.name) > sortKey(b.name) ? 1 : a.id < b.id ? -1 : 1,
    )
    .slice(0, 5);
  expect(body.data.actors.edges.map((e: any) => e.node.slug)).toEqual(expected.map((a) => a.id));
  expect(body.data.actors.edges[0].node.id).toBe(toGlobalId('Actor', expected[0]!.id));
});

test('walking every page returns each actor exactly once', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { body }: { body: any } = await postGraphQL(
      server,
      'query ($after: String) { actors(first: 7, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor hasPreviousPage } } }',
      { after },
    );
    expect(body.errors).toBeUndefined();
    const page: any = body.data.actors;
    seen.push(...page.nodes.map((n: any) => n.slug));
    expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
    pages += 1;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(seededActors.length);
  expect(new Set(seen)).toEqual(new Set(seededActors.map((a) => a.record.id)));
  expect(pages).toBe(Math.ceil(seededActors.length / 7));
});

test('a relationship field on 20 actors costs one query for the field, not twenty', async () => {
  const ctx = createContext(db);
  const result = await server.apollo.executeOperation(
    {
      query:
        '{ actors(first: 20) { nodes { name relationships(first: 5) { edges { type direction node { name } } } } } }',
    },
    { contextValue: ctx },
  );
  expect(result.body.kind).toBe('single');
  const single = (result.body as any).singleResult;
  expect(single.errors).toBeUndefined();
  expect(single.data.actors.nodes).toHaveLength(20);
  const withRelationships = single.data.actors.nodes.filter((n: any) => n.relationships.edges.length > 0);
  expect(withRelationships.length).toBeGreaterThan(10);
  // The page and its nodes' relationship field are one planned statement (src/planner/).
  expect(ctx.queries.names).toEqual(['planner/actors']);

  // One level deeper (the cited documents of every relationship) costs one more query.
  const nested = createContext(db);
  await server.apollo.executeOperation(
    {
      query:
        '{ actors(first: 20) { nodes { relationships(first: 5) { edges { sources { quote source { title } } } } } } }',
    },
    { contextValue: nested },
  );
  expect(nested.queries.names).toEqual(['planner/actors', 'sourcesById']);

  // Without the planner, the field costs one query for all 20 actors.
  const unplanned = createContext(db, { planner: false });
  await server.apollo.executeOperation(
    { query: '{ actors(first: 20) { nodes { relationships(first: 5) { edges { type } } } } }' },
    { contextValue: unplanned },
  );
  expect(unplanned.queries.names).toEqual(['actorsPage', 'relationshipsByEntity']);
});

test('totalCount is counted only when asked for', async () => {
  const ctx = createContext(db);
  const query = '{ actors(first: 3) { nodes { name } } }';
  await server.apollo.executeOperation({ query }, { contextValue: ctx });
  expect(ctx.queries.names).toEqual(['planner/actors']);
  // Unplanned, the count is a query of its own, which is not run.
  const unplanned = createContext(db, { planner: false });
  await server.apollo.executeOperation({ query }, { contextValue: unplanned });
  expect(unplanned.queries.names).toEqual(['actorsPage']);
});

test('actor(id) and node(id) find an actor, its relationships and their sources', async () => {
  const actor = seededActors.find((a) => a.record.id === 'region-skane')!;
  const { body } = await postGraphQL(
    server,
    `query ($id: ID!) {
      actor(id: $id) { name nameEn kind relationships(first: 100) { edges { type direction node { slug __typename } sources { document quote source { fileName language } } } } }
      node(id: $id) { ... on Actor { slug } }
    }`,
    { id: toGlobalId('Actor', actor.record.id) },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.actor).toMatchObject({ name: 'Region Skåne', kind: 'PUBLIC_BODY' });
  expect(body.data.node).toEqual({ slug: 'region-skane' });
  const stated = seed.relationships.filter((r) => r.from === 'region-skane' || r.to === 'region-skane');
  expect(body.data.actor.relationships.edges.length).toBeGreaterThanOrEqual(Math.min(stated.length, 100));
  for (const relationship of body.data.actor.relationships.edges) {
    expect(relationship.sources.length).toBeGreaterThan(0);
    for (const citation of relationship.sources) expect(citation.quote.length).toBeGreaterThan(0);
  }
});

test('bad input gets BAD_USER_INPUT or NOT_FOUND with a message naming the value, and no stack trace', async () => {
  const cases: [string, string, RegExp][] = [
    [
      '{ actor(id: "garbage!") { name } }',
      'BAD_USER_INPUT',
      /^"garbage!" is neither a global id nor a slug .*use search\(query: \.\.\.\)\.$/,
    ],
    [
      `{ actor(id: "${toGlobalId('Actor', 'no-such-actor')}") { name } }`,
      'NOT_FOUND',
      /^No actor has the id "[\w-]+"\.$/,
    ],
    [
      `{ actor(id: "${toGlobalId('Theme', 'atmp')}") { name } }`,
      'BAD_USER_INPUT',
      /is the id of a Theme, not of an Actor\.$/,
    ],
    ['{ actors(first: 0) { totalCount } }', 'BAD_USER_INPUT', /^"first" must be from 1 to 100, not 0\.$/],
    ['{ actors(first: 101) { totalCount } }', 'BAD_USER_INPUT', /^"first" must be from 1 to 100, not 101\.$/],
    [
      '{ actors(first: 5, after: "bogus") { totalCount } }',
      'BAD_USER_INPUT',
      /^"bogus" is not a valid cursor for this list\.$/,
    ],
    [
      '{ actors(first: 5) { nodes { relationships(first: 500) { totalCount } } } }',
      'BAD_USER_INPUT',
      /^"first" must be from 1 to 100, not 500\.$/,
    ],
    // `first` is optional since backward paging (`last`); one of the two is still required.
    ['{ actors { totalCount } }', 'BAD_USER_INPUT', /^"first" or "last" is required, from 1 to 100\.$/],
    [
      '{ actors(first: 5, last: 5) { totalCount } }',
      'BAD_USER_INPUT',
      /^"first" and "last" cannot be given together: page forward with "first" or backward with "last"\.$/,
    ],
    ['{ actors(last: 101) { totalCount } }', 'BAD_USER_INPUT', /^"last" must be from 1 to 100, not 101\.$/],
  ];
  for (const [query, code, message] of cases) {
    const { body } = await postGraphQL(server, query);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect({ query, code: error!.extensions?.code }).toEqual({ query, code });
    expect(error!.message).toMatch(message);
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|\bat .*\.js|MATCH|UNWIND/);
  }
});

test("a browser opening /graphql gets the project's own GraphiQL, with no CDN", async () => {
  const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<div id="graphiql">');
  expect(html).toContain('src="/assets/graphiql.js"');
  expect(html).not.toMatch(/https?:\/\//);
  const script = await fetch(`${server.url}/assets/graphiql.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toMatch(/javascript/);
  expect((await script.text()).length).toBeGreaterThan(100_000);
  const css = await fetch(`${server.url}/assets/graphiql.css`);
  expect(css.status).toBe(200);
});

test('/health and /ready answer', async () => {
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  const ready = await fetch(`${server.url}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});
