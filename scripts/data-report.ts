/**
 * `npm run data:report`: counts per kind and relationship type, and the defects that must be
 * zero, for the graph in Neo4j (the local server, started and seeded if needed, or NEO4J_URI).
 * Exits 1 when there is any defect.
 */
import { prepareDatabase } from '../src/bootstrap';
import { runCli } from '../src/cli';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/Database';
import { ensureNeo4j } from '../src/neo4j/connection';
import { buildDataReport, formatDataReport, totalDefects } from '../src/report/dataReport';

runCli(async (args) => {
  const handle = await ensureNeo4j(loadConfig(), 'dev', (m) => console.error(m));
  const db = await Database.connect(handle.connection);
  try {
    await prepareDatabase(db, { reloadSeed: args.includes('--reload-seed') });
    const report = await buildDataReport(db);
    console.log(formatDataReport(report));
    return totalDefects(report) === 0 ? 0 : 1;
  } finally {
    await db.close();
    await handle.release();
  }
});
