import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { ErrorCode, QueryTimeoutError } from '../../src/errors';
import type { Context } from '../../src/context';
import type { SchemaExtension } from '../../src/server/apolloServer';
import { connectTestDatabase, startTestServer, type TestServer } from './harness';

/**
 * No Neo4j work outlives its request: a client that goes away, or a request that runs out of
 * time, ends its transactions. A test-only field (`slowCount`) runs cypher/test/slowQuery (a
 * query that counts for minutes) on the real Neo4j through the request's context, as every
 * resolver's query does; `SHOW TRANSACTIONS` finds a request's transactions by the request id
 * that Database sends as their metadata.
 */

const slowField: SchemaExtension = {
  typeDefs: 'extend type Query { "Test only: counts for minutes." slowCount: Int }',
  resolvers: {
    Query: {
      slowCount: async (_parent: unknown, _args: unknown, context: Context) =>
        (await context.db.read(cypher('test/slowQuery'), {}, context.queries))[0]!.n,
    },
  },
};

let db: Database;
let server: TestServer | undefined;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await db.close();
});

async function transactionsOf(requestId: string): Promise<unknown[]> {
  return db.read(cypher('test/transactionsOfRequest'), { requestId });
}

/** Polls until `check` holds or `ms` have passed (the machine is shared: no timed assertions). */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function postSlowCount(url: string, requestId: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query: '{ slowCount }' }),
    ...(signal ? { signal } : {}),
  });
}

test('a client that disconnects ends the Neo4j transaction of its request', async () => {
  server = await startTestServer(db, { schemaExtension: slowField });
  const requestId = `cancel-${process.pid}-${Date.now()}`;
  const controller = new AbortController();
  const answer = postSlowCount(server.url, requestId, controller.signal);
  answer.catch(() => undefined);
  // The slow query is running in Neo4j under this request's id.
  expect(await eventually(async () => (await transactionsOf(requestId)).length > 0, 30_000)).toBe(true);

  controller.abort();
  await expect(answer).rejects.toThrow();
  expect(await eventually(async () => (await transactionsOf(requestId)).length === 0, 5_000)).toBe(true);
  expect(await transactionsOf(requestId)).toEqual([]);
});

test('a request that times out ends its Neo4j transaction and answers TIMEOUT', async () => {
  server = await startTestServer(db, {
    schemaExtension: slowField,
    settings: { requestTimeoutMs: 1_500 },
  });
  const requestId = `timeout-${process.pid}-${Date.now()}`;
  const response = await postSlowCount(server.url, requestId);
  expect(response.status).toBe(503);
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]!.extensions.code).toBe(ErrorCode.TIMEOUT);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(await eventually(async () => (await transactionsOf(requestId)).length === 0, 5_000)).toBe(true);
  expect(await transactionsOf(requestId)).toEqual([]);
});

test("a request's transaction gets no more time than the request has left", async () => {
  // The test Database has no Cypher timeout of its own and this signal never aborts: only the
  // deadline bounds the transaction, and Neo4j itself stops it (TransactionTimedOut).
  const view = db.scoped({ signal: new AbortController().signal, deadline: Date.now() + 1_000 });
  await expect(view.read(cypher('test/slowQuery'))).rejects.toBeInstanceOf(QueryTimeoutError);
});

test('a scoped view of the database refuses work once its request was aborted, and closing it closes nothing', async () => {
  const controller = new AbortController();
  const view = db.scoped({ signal: controller.signal, deadline: Date.now() + 60_000 });
  expect(await view.read(cypher('test/countEntities'))).toEqual([{ entities: expect.any(Number) }]);
  controller.abort();
  await expect(view.read(cypher('test/countEntities'))).rejects.toMatchObject({ code: ErrorCode.BAD_REQUEST });
  await view.close();
  expect(await db.read(cypher('test/countEntities'))).toEqual([{ entities: expect.any(Number) }]);
});
