import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Neo4jConnectionConfig } from '../../src/config';

/**
 * What the benchmark's server processes share. Each system under test runs in its own Node
 * process (bench/serverProcesses.ts starts them), so that its peak memory can be read from
 * /proc/<pid>/status and one system's garbage does not slow another.
 */

/** The benchmark database, from the environment the parent process sets. */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConnectionConfig {
  const uri = env.BENCH_NEO4J_URI;
  const password = env.BENCH_NEO4J_PASSWORD;
  if (!uri || !password) throw new Error('BENCH_NEO4J_URI and BENCH_NEO4J_PASSWORD must be set by the benchmark.');
  return { uri, user: env.BENCH_NEO4J_USER || 'neo4j', password, database: undefined };
}

/** The first line a server process prints: the parent waits for it to learn the port. */
export interface ListeningMessage {
  listening: number;
}

/**
 * Listens on 127.0.0.1 (a free port), prints `{"listening": port}` on stdout for the parent, and
 * closes cleanly (`shutdown`, then exit) on SIGTERM, or when its stdin ends: the parent holds the
 * other end of that pipe, so a benchmark that is killed or interrupted leaves no server behind.
 */
export async function serveUntilTerminated(httpServer: http.Server, shutdown: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ listening: port } satisfies ListeningMessage)}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  if (!process.stdin.isTTY) {
    process.stdin.once('end', stop);
    process.stdin.resume();
  }
}
