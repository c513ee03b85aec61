/**
 * `npm run curation:export -- [--out <file>]`: writes every entity and relationship written
 * through the API (origin 'api') as a seed file, by default `seed/curation/<date>.yaml` (a
 * subfolder: the seed loader reads only seed/*.yaml, so nothing loads it before review), then
 * checks it with the seed loader beside seed/. Exit 1 when the check fails (the file is kept, to
 * be looked at).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SEED_DIR } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/Database';
import { ensureNeo4j } from '../src/neo4j/connection';
import { checkWithSeed, exportCuration } from '../src/seed/curationExport';
import { runCli } from '../src/cli';

runCli(async (args) => {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const file = path.resolve(
    values.out ?? path.join(SEED_DIR, 'curation', `${new Date().toISOString().slice(0, 10)}.yaml`),
  );
  const handle = await ensureNeo4j(loadConfig(), 'dev', console.log);
  const db = await Database.connect(handle.connection);
  try {
    const counts = await exportCuration(db, file, handle.describe);
    if (counts.entities + counts.relationships === 0) {
      console.log(`Nothing was written through the API in ${handle.describe}: no file written.`);
      return 0;
    }
    console.log(`Wrote ${counts.entities} entities and ${counts.relationships} relationships to ${file}.`);
  } finally {
    await db.close();
    await handle.release();
  }
  const data = checkWithSeed(file, SEED_DIR);
  console.log(
    `Checked: seed/ with this file passes the seed loader (${data.entities.length} entities, ${data.relationships.length} relationships); ` +
      'review it, then move it into seed/ and run npm run seed.',
  );
  return 0;
});
