import type { AddressInfo } from 'node:net';
import { prepareDatabase } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { cypher } from '../../src/db/cypher';
import { Database } from '../../src/db/Database';
import { createServer, type MediconServer, type ServerOptions } from '../../src/server/createServer';
import { silentLogger } from '../../src/server/logging';

/**
 * The integration tier's shared setup: the real Neo4j that scripts/run-tests.ts started (or
 * NEO4J_TEST_URI), and the real HTTP server in process.
 */
export async function connectTestDatabase(): Promise<Database> {
  const config = loadConfig(process.env, 'test');
  if (!config.external) {
    throw new Error(
      'NEO4J_TEST_URI is not set: run the integration tests with "npm test", which starts a Neo4j for them.',
    );
  }
  return Database.connect(config.external);
}

/** Deletes everything in the test database (auto-commit: it batches in its own transactions). */
export async function emptyGraph(db: Database): Promise<void> {
  await db.runSchemaStatement(cypher('test/deleteAll').text);
}

export interface TestServer extends MediconServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the API on a free port, with the default settings or `options.settings`; `close` drains
 * it (the database stays open).
 */
export async function startTestServer(db: Database, options: Omit<ServerOptions, 'db'> = {}): Promise<TestServer> {
  const server = await createServer({ logger: silentLogger, ...options, db });
  // A test that parses a large export synchronously (on a loaded machine, for seconds) leaves its
  // kept-alive socket idle past Node's 5 s default; the server then closes it just as the client
  // sends its next request on it, which fails with ECONNRESET. Tests keep sockets longer.
  server.httpServer.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return { ...server, url: `http://127.0.0.1:${port}`, close: () => server.apollo.stop() };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };
}

/** POSTs a GraphQL request over real HTTP, with extra headers if given (`authorization`). */
export async function postGraphQL<T = any>(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/**
 * The real seed loaded into an emptied test database, and the API serving it: the setup of
 * every test file that asks questions of the curated graph. Pair with `stopSeededServer`.
 */
export async function startSeededServer(
  options: Omit<ServerOptions, 'db'> = {},
): Promise<{ db: Database; server: TestServer }> {
  const db = await connectTestDatabase();
  await emptyGraph(db);
  await prepareDatabase(db, { reloadSeed: true });
  return { db, server: await startTestServer(db, options) };
}

export async function stopSeededServer(db: Database | undefined, server: TestServer | undefined): Promise<void> {
  await server?.close();
  await db?.close();
}
