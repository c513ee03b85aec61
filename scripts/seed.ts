/**
 * `npm run seed`: validates seed/ and makes the graph equal to it (a reload), in one transaction.
 * `npm run seed -- --check` validates only, and writes nothing.
 */
import { prepareDatabase, SEED_DIR } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/Database';
import { ensureNeo4j } from '../src/neo4j/connection';
import { loadSeedFiles } from '../src/seed/loadSeedFiles';
import { runCli } from '../src/cli';

runCli(async (args) => {
  const data = loadSeedFiles(SEED_DIR);
  console.log(
    `seed/ is valid: ${data.entities.length} entities, ${data.relationships.length} relationships, ${data.figures.length} figures, ${data.sources.length} sources.`,
  );
  if (args.includes('--check')) return 0;
  const handle = await ensureNeo4j(loadConfig(), 'dev', console.log);
  const db = await Database.connect(handle.connection);
  try {
    const summary = await prepareDatabase(db, { reloadSeed: true });
    console.log(`Loaded into ${handle.describe}: ${JSON.stringify(summary)}`);
  } finally {
    await db.close();
    await handle.release();
  }
  return 0;
});
