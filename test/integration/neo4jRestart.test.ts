import net from 'node:net';
import { prepareDatabase } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/Database';
import { ErrorCode } from '../../src/errors';
import { startLocalNeo4j, stopLocalNeo4j, type LocalInstance } from '../../src/neo4j/localServer';
import { postGraphQL, startTestServer, type TestServer } from './harness';

/**
 * A Neo4j that goes away and comes back, for real: this file starts its own Neo4j server (the
 * project's jars, its own instance folder and port, so the shared test server is untouched),
 * serves the API over it, stops that server mid-run and starts it again. The API process is
 * never restarted.
 */
const ACTOR_QUERY = '{ entity(ref: "region-skane") { name } }';
let instance: LocalInstance;
let db: Database;
let server: TestServer;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Date.now() - started;
}

const readyStatus = async () => (await fetch(`${server.url}/ready`)).status;

beforeAll(async () => {
  const { local } = loadConfig(process.env, 'test');
  instance = {
    name: 'restart-test',
    settings: { ...local, boltPort: await freePort(), heapSize: '512m', pageCacheSize: '128m' },
  };
  const started = await startLocalNeo4j(instance);
  db = await Database.connect({
    uri: started.uri,
    user: started.user,
    password: started.password,
    database: undefined,
  });
  await prepareDatabase(db, { reloadSeed: true });
  server = await startTestServer(db);
}, 240_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  if (instance) await stopLocalNeo4j(instance);
}, 120_000);

test('readiness goes false then true, requests fail fast and cleanly, then succeed, without restarting the API', async () => {
  expect(await readyStatus()).toBe(200);
  const before = await postGraphQL(server, ACTOR_QUERY);
  expect(before.body).toEqual({ data: { entity: { name: 'Region Skåne' } } });

  await stopLocalNeo4j(instance);

  expect(await readyStatus()).toBe(503);
  expect((await fetch(`${server.url}/health`)).status).toBe(200); // the process lives
  const failures = [];
  for (let i = 0; i < 5; i += 1) {
    const started = Date.now();
    const { status, body } = await postGraphQL(server, ACTOR_QUERY);
    failures.push({ status, body, ms: Date.now() - started });
  }
  for (const { status, body } of failures) {
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: 'The database is not available right now; try again shortly.',
        path: ['entity'],
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      },
    ]);
  }
  // Once Neo4j is known to be down, a request fails in a connectivity check, not after the
  // driver's retries (seconds): well under a second each.
  expect(Math.max(...failures.slice(1).map((f) => f.ms))).toBeLessThan(1000);

  await startLocalNeo4j(instance);

  await waitUntil(async () => (await readyStatus()) === 200, 60_000);
  const after = await postGraphQL(server, ACTOR_QUERY);
  expect(after.body).toEqual({ data: { entity: { name: 'Region Skåne' } } });
}, 240_000);
