/**
 * `npm test` (after codegen:check and build): starts a Neo4j for the tests unless NEO4J_TEST_URI
 * names one (its own Bolt port and data folder, so the user's data is never touched), runs every
 * jest tier against it, and stops what it started, also when tests fail or the run is
 * interrupted. Extra arguments go to jest.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { applySchema } from '../src/db/applySchema';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/Database';
import { ensureNeo4j } from '../src/neo4j/connection';
import { runCli } from '../src/cli';

runCli(async (args) => {
  const config = loadConfig(process.env, 'test');
  const handle = await ensureNeo4j(config, 'test', console.log);
  try {
    const db = await Database.connect(handle.connection);
    await applySchema(db);
    await db.close();
    console.log(`Running tests against ${handle.describe}.`);
    const { uri, user, password, database } = handle.connection;
    const jest = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', ...args],
      {
        stdio: 'inherit',
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          NEO4J_TEST_URI: uri,
          NEO4J_TEST_USER: user,
          NEO4J_TEST_PASSWORD: password,
          ...(database ? { NEO4J_TEST_DATABASE: database } : {}),
        },
      },
    );
    // Ctrl-C reaches jest too (same process group); we wait for it, then clean up below.
    const forward = (signal: NodeJS.Signals) => jest.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const jestExit = await new Promise<number>((resolve) =>
      jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
    );
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    return jestExit;
  } finally {
    await handle.release();
  }
});
