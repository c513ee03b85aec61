import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { postGraphQL, startSeededServer, stopSeededServer, type TestServer } from './harness';

/**
 * Backward paging (issue 13, defect 6) over real HTTP against the seeded graph: every connection
 * takes `last`/`before` as well as `first`/`after`; walking a list forwards, then backwards, gives
 * every item exactly once in order, with exact pageInfo at both ends and on every page between.
 */

let db: Database | undefined;
let server: TestServer | undefined;
beforeAll(async () => ({ db, server } = await startSeededServer()));
afterAll(() => stopSeededServer(db, server));

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  edges: { cursor: string; node: { slug?: string; id?: string; type?: string } }[];
  pageInfo: PageInfo;
}
interface PagingArgs {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

const PAGE_FIELDS = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** A connection field read with paging variables: `fetchPage` runs it and returns the connection. */
type FetchPage = (args: PagingArgs) => Promise<Page>;

/** Runs `query` (with $first, $after, $last, $before) and returns the connection at `path`. */
function connection(query: string, path: string[], variables: Record<string, unknown> = {}): FetchPage {
  return async (args) => {
    const { body } = await postGraphQL(server!, query, { ...variables, ...args });
    expect(body.errors).toBeUndefined();
    return path.reduce((value: any, key) => value[key], body.data) as Page;
  };
}

const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';

/** Every page of a forward walk, `size` at a time, checking each page's pageInfo exactly. */
async function walkForward(fetchPage: FetchPage, size: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage({ first: size, after });
    pages.push(page);
    expectCursorsOfEdges(page);
    expect(page.pageInfo.hasPreviousPage).toBe(pages.length > 1);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
  }
  return pages;
}

/** Every page of a backward walk from the end, `size` at a time, checking each page's pageInfo exactly. */
async function walkBackward(fetchPage: FetchPage, size: number): Promise<Page[]> {
  const pages: Page[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await fetchPage({ last: size, before });
    pages.push(page);
    expectCursorsOfEdges(page);
    expect(page.pageInfo.hasNextPage).toBe(pages.length > 1);
    if (!page.pageInfo.hasPreviousPage) break;
    expect(page.edges).toHaveLength(size);
    before = page.pageInfo.startCursor;
  }
  return pages;
}

function expectCursorsOfEdges(page: Page): void {
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
}

const cursorsOf = (pages: Page[]) => pages.flatMap((p) => p.edges.map((e) => e.cursor));

/**
 * Walks `fetchPage` forwards and backwards `size` at a time and checks both walks against the
 * whole list, read in one page: every item exactly once, in the same order; then, from every
 * forward page, `last`/`before` its start cursor gives exactly the page before it.
 */
async function expectBothWays(fetchPage: FetchPage, size: number, whole: Page): Promise<void> {
  const all = whole.edges.map((e) => e.cursor);
  expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  expect(all.length).toBeGreaterThan(size);
  const forward = await walkForward(fetchPage, size);
  expect(cursorsOf(forward)).toEqual(all);
  const backward = await walkBackward(fetchPage, size);
  expect(cursorsOf([...backward].reverse())).toEqual(all);
  expect(new Set(all).size).toBe(all.length);
  for (let i = 1; i < forward.length; i++) {
    const previous = await fetchPage({ last: size, before: forward[i]!.pageInfo.startCursor });
    expect(previous.edges.map((e) => e.cursor)).toEqual(forward[i - 1]!.edges.map((e) => e.cursor));
    expect(previous.pageInfo.hasPreviousPage).toBe(i > 1);
    expect(previous.pageInfo.hasNextPage).toBe(true);
  }
}

describe('actors', () => {
  const query = `query (${VARS}, $orderBy: ActorOrder) {
    actors(${ARGS}, orderBy: $orderBy) { edges { cursor node { slug } } ${PAGE_FIELDS} }
  }`;

  test('forwards then backwards over every actor: each exactly once, in name order, exact pageInfo', async () => {
    const rows = await db!.read(cypher('test/allActorIds'));
    const slugs = rows.map((r) => r.id as string);
    expect(slugs.length).toBeGreaterThan(40);
    const fetchPage = connection(query, ['actors']);
    const forward = await walkForward(fetchPage, 9);
    expect(forward.flatMap((p) => p.edges.map((e) => e.node.slug))).toEqual(slugs);
    const backward = await walkBackward(fetchPage, 9);
    expect([...backward].reverse().flatMap((p) => p.edges.map((e) => e.node.slug))).toEqual(slugs);
    // The two ends, exactly.
    expect(forward[0]!.pageInfo.hasPreviousPage).toBe(false);
    expect(forward.at(-1)!.pageInfo.hasNextPage).toBe(false);
    expect(backward[0]!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(backward[0]!.edges.at(-1)!.node.slug).toBe(slugs.at(-1));
    expect(backward.at(-1)!.pageInfo.hasPreviousPage).toBe(false);
    expect(backward.at(-1)!.edges[0]!.node.slug).toBe(slugs[0]);
  });

  test('in NAME_DESC order, backward paging walks toward the names that sort last', async () => {
    const rows = await db!.read(cypher('test/allActorIds'));
    const descending = rows.map((r) => r.id as string).reverse();
    const fetchPage = connection(query, ['actors'], { orderBy: 'NAME_DESC' });
    const backward = await walkBackward(fetchPage, 11);
    expect([...backward].reverse().flatMap((p) => p.edges.map((e) => e.node.slug))).toEqual(descending);
    const forward = await walkForward(fetchPage, 11);
    expect(forward.flatMap((p) => p.edges.map((e) => e.node.slug))).toEqual(descending);
  });

  test('after the first actor, hasPreviousPage is true; before the first, there is no previous page', async () => {
    const fetchPage = connection(query, ['actors']);
    const start = await fetchPage({ first: 2 });
    const second = await fetchPage({ first: 1, after: start.edges[0]!.cursor });
    expect(second.edges[0]!.cursor).toBe(start.edges[1]!.cursor);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const none = await fetchPage({ last: 5, before: start.edges[0]!.cursor });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

test("an entity's relationships, forwards then backwards: each exactly once, in order, exact pageInfo", async () => {
  // The entity with the most relationships that one page of 100 still holds whole.
  const [row] = await db!.read(cypher('test/entityWithManyRelationships'), { max: 100 });
  const ref = row!.id as string;
  expect(Number(row!.count)).toBeGreaterThan(20);
  const query = `query ($ref: ID!, ${VARS}) {
    entity(ref: $ref) { relationships(${ARGS}) { edges { cursor type node { slug } } ${PAGE_FIELDS} } }
  }`;
  const fetchPage = connection(query, ['entity', 'relationships'], { ref });
  const whole = await fetchPage({ first: 100 });
  expect(whole.edges).toHaveLength(Number(row!.count));
  await expectBothWays(fetchPage, 6, whole);
});

describe('every root list pages both ways', () => {
  const lists: [string, string, Record<string, unknown>][] = [
    ['initiatives', `initiatives(${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
    ['strategies', `strategies(${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
    ['themes', `themes(${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
    ['regions', `regions(${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
    ['sources', `sources(${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
    ['search', `search(query: "lund", ${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
    ['supporters', `supporters(theme: "ATMP", ${ARGS}) { edges { cursor } ${PAGE_FIELDS} }`, {}],
  ];
  test.each(lists)('%s', async (field, selection, variables) => {
    const fetchPage = connection(`query (${VARS}) { ${selection} }`, [field], variables);
    const whole = await fetchPage({ first: 100 });
    const size = Math.max(1, Math.floor(whole.edges.length / 3) - 1);
    await expectBothWays(fetchPage, size, whole);
  });

  test('the audit trail reads backward (its reverse query runs, oldest first)', async () => {
    const rows = await db!.read(cypher('auditTrailPageReverse'), {
      entityId: null,
      fromAt: null,
      fromId: null,
      limit: 3,
    });
    expect(rows).toEqual([]);
  });
});

describe('paging arguments are client errors', () => {
  test.each([
    ['first and last together', '{ actors(first: 2, last: 2) { totalCount } }', 'last'],
    ['neither first nor last', '{ actors { totalCount } }', 'first'],
    ['before with first', '{ actors(first: 2, before: "x") { totalCount } }', 'before'],
    ['after with last', '{ themes(last: 2, after: "x") { totalCount } }', 'after'],
    ['last out of range', '{ regions(last: 101) { totalCount } }', 'last'],
    ['an invalid before cursor', '{ sources(last: 2, before: "nope") { totalCount } }', 'before'],
  ])('%s: BAD_USER_INPUT naming the argument', async (_name, query, argumentName) => {
    const { body } = await postGraphQL(server!, query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  test('first given as null by a variable is BAD_USER_INPUT, not an internal error (defect 3)', async () => {
    const { body } = await postGraphQL(server!, 'query ($n: Int = 5) { actors(first: $n) { totalCount } }', {
      n: null,
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.message).toBe('"first" or "last" is required, from 1 to 100.');
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});
