import { applySchema } from '../../src/db/applySchema';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { encodeCursor } from '../../src/graphql/pagination';
import { connectTestDatabase, emptyGraph, postGraphQL, startTestServer, type TestServer } from './harness';

const COUNT = 10_000;
const name = (i: number) => `synthetic actor ${String(i).padStart(5, '0')}`;

let db: Database;
let server: TestServer;
beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  await applySchema(db);
  await db.write(cypher('test/createSyntheticActors'), { count: COUNT });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  await emptyGraph(db);
  await db.close();
});

test('walking every page of 10,000 actors returns each exactly once, in order', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { body }: { body: any } = await postGraphQL(
      server,
      'query ($after: String) { actors(first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    expect(body.errors).toBeUndefined();
    seen.push(...body.data.actors.nodes.map((n: { slug: string }) => n.slug));
    if (!body.data.actors.pageInfo.hasNextPage) break;
    after = body.data.actors.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(COUNT);
  expect(new Set(seen).size).toBe(COUNT);
  expect(seen.slice(0, 3)).toEqual(['synthetic-1', 'synthetic-2', 'synthetic-3']);
  expect(seen.at(-1)).toBe(`synthetic-${COUNT}`);
});

test('descending order walks the same actors backwards', async () => {
  const { body }: { body: any } = await postGraphQL(
    server,
    '{ actors(first: 3, orderBy: NAME_DESC) { nodes { slug } pageInfo { endCursor } } }',
  );
  expect(body.data.actors.nodes.map((n: any) => n.slug)).toEqual([
    'synthetic-10000',
    'synthetic-9999',
    'synthetic-9998',
  ]);
  const next: any = await postGraphQL(
    server,
    'query ($a: String) { actors(first: 2, orderBy: NAME_DESC, after: $a) { nodes { slug } } }',
    {
      a: body.data.actors.pageInfo.endCursor,
    },
  );
  expect(next.body.data.actors.nodes.map((n: any) => n.slug)).toEqual(['synthetic-9997', 'synthetic-9996']);
});

test('page 500 costs about the same database work as page 1 (PROFILE db hits within 2x)', async () => {
  const first = 20;
  const params = { kinds: null, themeIds: null, regionIds: null, stageIds: null, limit: first + 1 };
  const page1 = await db.profile(cypher('actorsPage'), { ...params, fromKey: '', fromId: '' });
  // Page 500 starts after item 499 * 20 = 9,980.
  const last = 499 * first;
  const page500 = await db.profile(cypher('actorsPage'), {
    ...params,
    fromKey: name(last),
    fromId: `synthetic-${last}`,
  });
  expect(page1.rows).toHaveLength(first + 1);
  expect(page500.rows).toHaveLength(first); // the last page: nothing after it
  expect((page500.rows[0]!.actor as { id: string }).id).toBe(`synthetic-${last + 1}`);
  expect(page500.dbHits).toBeLessThanOrEqual(2 * page1.dbHits);
  // Both pages read an index range, not every actor: far fewer hits than there are actors.
  expect(page1.dbHits).toBeLessThan(COUNT / 10);
  expect(page500.dbHits).toBeLessThan(COUNT / 10);
  // And the cursor the API hands out is exactly that position.
  const { body }: { body: any } = await postGraphQL(
    server,
    'query ($a: String) { actors(first: 1, after: $a) { nodes { slug } } }',
    {
      a: encodeCursor('actors', [name(last), `synthetic-${last}`]),
    },
  );
  expect(body.data.actors.nodes[0].slug).toBe(`synthetic-${last + 1}`);
});

test('backward paging reads the index the other way: the 500th page from the end costs what the last does', async () => {
  const last = 20;
  const params = { kinds: null, themeIds: null, regionIds: null, stageIds: null, limit: last + 1 };
  // `last: 20` with no cursor: the end of the list, read descending from past every name.
  const end = await db.profile(cypher('actorsPageDesc'), { ...params, fromKey: '\uffff', fromId: '\uffff' });
  // 500 pages back: before item 21, the page holds items 1 to 20 and nothing precedes them.
  const deep = await db.profile(cypher('actorsPageDesc'), { ...params, fromKey: name(21), fromId: 'synthetic-21' });
  expect((end.rows[0]!.actor as { id: string }).id).toBe(`synthetic-${COUNT}`);
  expect(deep.rows.map((r) => (r.actor as { id: string }).id)).toEqual(
    Array.from({ length: 20 }, (_, i) => `synthetic-${20 - i}`),
  );
  expect(deep.dbHits).toBeLessThanOrEqual(2 * end.dbHits);
  expect(end.dbHits).toBeLessThan(COUNT / 10);
  expect(deep.dbHits).toBeLessThan(COUNT / 10);
  // Over HTTP, the same page with exact pageInfo: nothing before it, more after it.
  const { body }: { body: any } = await postGraphQL(
    server,
    'query ($b: String) { actors(last: 20, before: $b) { nodes { slug } pageInfo { hasPreviousPage hasNextPage } } }',
    { b: encodeCursor('actors', [name(21), 'synthetic-21']) },
  );
  expect(body.data.actors.nodes.map((n: any) => n.slug)).toEqual(
    Array.from({ length: 20 }, (_, i) => `synthetic-${i + 1}`),
  );
  expect(body.data.actors.pageInfo).toEqual({ hasPreviousPage: false, hasNextPage: true });
});
