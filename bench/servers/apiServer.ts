/**
 * System (a): this project's API, exactly as `npm start` serves it (createServer), against the
 * benchmark database, with the `exposeQueryCount` setting on so that responses carry their Cypher
 * round trips. The graph is not prepared here: the benchmark has loaded it.
 */
import { Database } from '../../src/db/Database';
import { createServer } from '../../src/server/createServer';
import { createLogger } from '../../src/server/logging';
import { connectionFromEnv, serveUntilTerminated } from './childServer';

async function main() {
  const db = await Database.connect(connectionFromEnv());
  // Default limits, as `npm start` has them; warnings and errors only, so that one log line per
  // request does not become part of what is measured.
  const server = await createServer({ db, logger: createLogger('warn'), settings: { exposeQueryCount: true } });
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
