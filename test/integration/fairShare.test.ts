import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { ErrorCode } from '../../src/errors';
import type { Context } from '../../src/context';
import type { SchemaExtension } from '../../src/server/apolloServer';
import { postGraphQL, startSeededServer, startTestServer, stopSeededServer, type TestServer } from './harness';

/**
 * Fair share under load: expensive operations (paths, neighbourhood, graph, /export) take a slot
 * of a per-instance gate; a full gate answers SERVICE_UNAVAILABLE (503) with Retry-After, and
 * cheap queries never wait for it. A test-only expensive field (`slowCount`, cypher/test/slowQuery
 * on the real Neo4j) holds the slot while the other requests arrive; aborting it frees the slot.
 */

const slowExpensiveField: SchemaExtension = {
  typeDefs: 'extend type Query { "Test only: counts for minutes." slowCount: Int }',
  resolvers: {
    Query: {
      slowCount: async (_parent: unknown, _args: unknown, context: Context) =>
        (await context.db.read(cypher('test/slowQuery'), {}, context.queries))[0]!.n,
    },
  },
  gatedRootFields: ['slowCount'],
};

const PATHS = '{ paths(from: "lund-university", to: "eu", maxHops: 4, first: 1) { length } }';

let db: Database;
let seeded: TestServer;
let server: TestServer | undefined;

beforeAll(async () => {
  ({ db, server: seeded } = await startSeededServer());
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await stopSeededServer(db, seeded);
});

/** Starts `{ slowCount }` and resolves once it holds the gate's slot; `stop` aborts it. */
async function holdSlot(target: TestServer): Promise<{ stop: () => void }> {
  const controller = new AbortController();
  fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ slowCount }' }),
    signal: controller.signal,
  }).catch(() => undefined);
  for (let tries = 0; target.expensiveGate.running === 0; tries++) {
    if (tries > 300) throw new Error('The slow request never took a slot of the gate.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { stop: () => controller.abort() };
}

async function untilFree(target: TestServer): Promise<void> {
  while (target.expensiveGate.running > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

test('with one slot and no queue, a second expensive request gets 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
  server = await startTestServer(db, {
    schemaExtension: slowExpensiveField,
    settings: { maxConcurrentExpensive: 1, expensiveQueue: 0 },
  });
  const slow = await holdSlot(server);
  try {
    const refused = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PATHS }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    const body = (await refused.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining('try again in 2 s'),
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: 2 },
      },
    ]);

    // Neighbourhood, graph and the exports share the same slot.
    const neighbourhood = await postGraphQL(server, '{ neighbourhood(id: "max-iv", depth: 1) { truncated } }');
    expect(neighbourhood.body.errors![0]!.extensions!.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    const graph = await postGraphQL(server, '{ ... on Query { g: graph(limit: 5) { nodes { entityId } } } }');
    expect(graph.status).toBe(503);
    const exported = await fetch(`${server.url}/export/graphml?kinds=university`);
    expect(exported.status).toBe(503);
    expect(exported.headers.get('retry-after')).toBe('2');
    expect(((await exported.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      ErrorCode.SERVICE_UNAVAILABLE,
    );

    // A cheap query does not wait for the slot.
    const cheap = await postGraphQL(server, '{ entity(ref: "lund-university") { name } }');
    expect(cheap.status).toBe(200);
    expect(cheap.body).toEqual({ data: { entity: { name: expect.any(String) } } });
  } finally {
    slow.stop();
  }
  // Once the slow request is gone, its slot is free again.
  await untilFree(server);
  const answered = await postGraphQL(server, PATHS);
  expect(answered.status).toBe(200);
  expect(answered.body.errors).toBeUndefined();
  expect(answered.body.data.paths.length).toBeGreaterThan(0);
});

test('with one slot and a queue of one, the next expensive request waits and is answered; the one after is refused', async () => {
  server = await startTestServer(db, {
    schemaExtension: slowExpensiveField,
    settings: { maxConcurrentExpensive: 1, expensiveQueue: 1 },
  });
  const slow = await holdSlot(server);
  const waiting = postGraphQL(server, PATHS);
  try {
    while (server.expensiveGate.queued === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await postGraphQL(server, PATHS);
    expect(refused.status).toBe(503);
    expect(refused.body.errors![0]!.extensions!.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  } finally {
    slow.stop();
  }
  const answered = await waiting;
  expect(answered.status).toBe(200);
  expect(answered.body.data.paths.length).toBeGreaterThan(0);
  await untilFree(server);
  expect(server.expensiveGate.queued).toBe(0);
});

test('a queued request whose client goes away leaves the queue', async () => {
  server = await startTestServer(db, {
    schemaExtension: slowExpensiveField,
    settings: { maxConcurrentExpensive: 1, expensiveQueue: 1 },
  });
  const slow = await holdSlot(server);
  try {
    const controller = new AbortController();
    const queued = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PATHS }),
      signal: controller.signal,
    });
    queued.catch(() => undefined);
    while (server.expensiveGate.queued === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    while (server.expensiveGate.queued > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    // Its place is free: the next one waits there instead of being refused.
    const next = postGraphQL(server, PATHS);
    while (server.expensiveGate.queued === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    slow.stop();
    expect((await next).status).toBe(200);
  } finally {
    slow.stop();
  }
});
