/**
 * `npm run backup -- [--dir <folder>] [--out <file>] [--online]`: a consistent backup of the
 * graph. The project's own Neo4j is dumped with neo4j-admin into `backups/<time>.dump` (the
 * server is stopped for the dump and started again: Community has no online backup); a remote
 * Neo4j (NEO4J_URI), or the local one with `--online`, is exported through the driver in one read
 * transaction into `backups/<time>.jsonl`. `npm run restore -- <file>` brings either back.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportGraph } from '../src/backup/graphExport';
import { graphFingerprint } from '../src/backup/graphFingerprint';
import { dumpLocalDatabase } from '../src/backup/localDump';
import { backupStamp, describeFingerprint, fileSize, DEFAULT_BACKUP_DIR } from '../src/backup/backupFiles';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/Database';
import { ensureNeo4j, localInstance } from '../src/neo4j/connection';
import { runningPid } from '../src/neo4j/localServer';
import { runCli } from '../src/cli';

runCli(async (args) => {
  const { values } = parseArgs({
    args,
    options: { dir: { type: 'string' }, out: { type: 'string' }, online: { type: 'boolean', default: false } },
  });
  const config = loadConfig();
  const dir = path.resolve(values.dir ?? DEFAULT_BACKUP_DIR);
  const started = Date.now();

  if (config.external || values.online) {
    const file = path.resolve(values.out ?? path.join(dir, `${backupStamp()}.jsonl`));
    const handle = await ensureNeo4j(config, 'dev', console.log);
    const db = await Database.connect(handle.connection);
    try {
      const counts = await exportGraph(db, file);
      console.log(
        `Exported ${counts.nodes} nodes and ${counts.relationships} relationships of ${handle.describe} to ${file} ` +
          `(${fileSize(file)}, ${Date.now() - started} ms).`,
      );
      console.log(describeFingerprint(await graphFingerprint(db)));
    } finally {
      await db.close();
      await handle.release();
    }
    return 0;
  }

  const instance = localInstance(config, 'dev');
  const file = path.resolve(values.out ?? path.join(dir, `${backupStamp()}.dump`));
  if (runningPid(instance) !== undefined) {
    // Printed so that a restore can be checked against it; the server stops right after.
    const handle = await ensureNeo4j(config, 'dev', () => undefined);
    const db = await Database.connect(handle.connection);
    console.log(describeFingerprint(await graphFingerprint(db)));
    await db.close();
  }
  await dumpLocalDatabase(instance, file, console.log);
  console.log(`Dumped the local Neo4j (dev) to ${file} (${fileSize(file)}, ${Date.now() - started} ms).`);
  return 0;
});
