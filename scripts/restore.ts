/**
 * `npm run restore -- <file>`: replaces the graph with a backup from `npm run backup`. A graph
 * export (.jsonl) is imported through the driver in one write transaction, into the remote Neo4j
 * (NEO4J_URI) or the local one; a dump is loaded into the local Neo4j with neo4j-admin (the server
 * stopped and started again, the database as it was kept in `backups/pre-restore-<time>.dump`).
 * A missing, damaged or incomplete file is refused with one line and exit 1, the graph untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupStamp, describeFingerprint, DEFAULT_BACKUP_DIR } from '../src/backup/backupFiles';
import { importGraph, looksLikeExport } from '../src/backup/graphExport';
import { graphFingerprint } from '../src/backup/graphFingerprint';
import { loadLocalDatabase } from '../src/backup/localDump';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/Database';
import { BackupError } from '../src/errors';
import { ensureNeo4j, localInstance } from '../src/neo4j/connection';
import { runningPid } from '../src/neo4j/localServer';
import { runCli } from '../src/cli';

runCli(async (args) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string' }, 'no-safety-dump': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    console.error(
      'Usage: npm run restore -- <backup file (.dump or .jsonl)> [--dir <folder for the safety dump>] [--no-safety-dump]',
    );
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`There is no backup file "${file}".`);
  const config = loadConfig();
  const started = Date.now();

  if (looksLikeExport(file)) {
    const handle = await ensureNeo4j(config, 'dev', console.log);
    const db = await Database.connect(handle.connection);
    try {
      const counts = await importGraph(db, file);
      console.log(
        `Restored ${counts.nodes} nodes and ${counts.relationships} relationships from ${file} into ${handle.describe} (${Date.now() - started} ms).`,
      );
      console.log(describeFingerprint(await graphFingerprint(db)));
    } finally {
      await db.close();
      await handle.release();
    }
    return 0;
  }

  if (config.external) {
    throw new BackupError(
      `"${file}" is not a graph export, and a dump can only be loaded into the project's own Neo4j; ` +
        `for NEO4J_URI (${config.external.uri}) restore an export from "npm run backup" (.jsonl).`,
    );
  }
  const instance = localInstance(config, 'dev');
  const safety = values['no-safety-dump']
    ? undefined
    : path.join(path.resolve(values.dir ?? DEFAULT_BACKUP_DIR), `pre-restore-${backupStamp()}.dump`);
  const { safetyDump } = await loadLocalDatabase(instance, file, safety, console.log);
  console.log(`Loaded ${file} into the local Neo4j (dev) (${Date.now() - started} ms).`);
  if (safetyDump) console.log(`The database as it was before is in ${safetyDump}.`);
  if (runningPid(instance) !== undefined) {
    const handle = await ensureNeo4j(config, 'dev', () => undefined);
    const db = await Database.connect(handle.connection);
    console.log(describeFingerprint(await graphFingerprint(db)));
    await db.close();
  }
  return 0;
});
