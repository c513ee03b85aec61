/**
 * System (a): this project's API, exactly as `npm start` serves it (createServer), against the
 * benchmark database, with the `exposeQueryCount` setting on so that responses carry their Cypher
 * round trips. The graph is not prepared here: the benchmark has loaded it.
 */
import { loadApiSettings } from '../../src/config';
import { Database } from '../../src/db/Database';
import { createServer } from '../../src/server/createServer';
import { createLogger } from '../../src/server/logging';
import { connectionFromEnv, serveUntilTerminated } from './childServer';
import { profileOnSignal } from './cpuProfiler';

async function main() {
  const db = await Database.connect(connectionFromEnv());
  // `npm run bench:profile` asks for a CPU profile of its timed run (see ./cpuProfiler).
  if (process.env.BENCH_CPU_PROFILE) profileOnSignal(process.env.BENCH_CPU_PROFILE);
  // Default limits, as `npm start` has them; warnings and errors only (unless the profile asks
  // for another level), so that one log line per request does not become part of what is measured.
  const logger = createLogger(process.env.BENCH_API_LOG_LEVEL || 'warn');
  const server = await createServer({
    db,
    logger,
    settings: { exposeQueryCount: true, requestLogEvery: loadApiSettings(process.env).requestLogEvery },
  });
  await serveUntilTerminated(server.httpServer, async () => {
    await server.apollo.stop();
    await db.close();
  });
}

// Runs when started as a process; importing the module (for its exports) starts nothing.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
