import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupError } from '../errors';
import {
  instanceDir,
  runNeo4jAdmin,
  runningPid,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalInstance,
} from '../neo4j/localServer';

/**
 * The offline backup of the project's own Neo4j: `neo4j-admin database dump` and `load`.
 * Neo4j Community has no online backup, and dump and load need the database stopped: each
 * function stops the server if it runs and starts it again afterwards (also when it fails), so
 * the API sees a short outage (SERVICE_UNAVAILABLE, then back by itself; the restart takes about
 * ten seconds).
 */
const DATABASE = 'neo4j';

type Log = (message: string) => void;

function hasStore(instance: LocalInstance): boolean {
  return fs.existsSync(path.join(instanceDir(instance), 'data', 'databases', DATABASE));
}

/** The last lines of neo4j-admin's output, for an error message. */
function outputTail(output: string): string {
  return output.trim().split('\n').slice(-4).join('\n');
}

/** Stops the server for `work` if it runs, and starts it again afterwards whatever happens. */
async function withServerStopped<T>(instance: LocalInstance, log: Log, work: () => Promise<T>): Promise<T> {
  const wasRunning = runningPid(instance) !== undefined;
  if (wasRunning) await stopLocalNeo4j(instance, log);
  try {
    return await work();
  } finally {
    if (wasRunning) await startLocalNeo4j(instance, log);
  }
}

/** Dumps the (stopped) database into `file`, which appears only when the dump is complete. */
async function dumpStopped(instance: LocalInstance, file: string, log: Log): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(path.dirname(file), '.dump-'));
  try {
    const result = await runNeo4jAdmin(instance, ['database', 'dump', DATABASE, `--to-path=${scratch}`], log);
    const dumped = path.join(scratch, `${DATABASE}.dump`);
    if (result.status !== 0 || !fs.existsSync(dumped)) {
      throw new BackupError(
        `neo4j-admin could not dump the database (exit ${result.status}):\n${outputTail(result.output)}`,
      );
    }
    fs.renameSync(dumped, file);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes a consistent dump of the local database to `file` (stopping and restarting the server
 * if it runs). Throws a BackupError when the instance has no database yet or neo4j-admin fails.
 */
export async function dumpLocalDatabase(
  instance: LocalInstance,
  file: string,
  log: Log = () => undefined,
): Promise<void> {
  if (!hasStore(instance)) {
    throw new BackupError(
      `The local Neo4j (${instance.name}) has no database yet in "${instanceDir(instance)}": start it once (npm start or npm run neo4j -- start).`,
    );
  }
  await withServerStopped(instance, log, () => dumpStopped(instance, file, log));
}

/** neo4j-admin reads a dump from a folder, as `<database>.dump`: a folder with a link to `file`. */
function asDumpFolder(file: string): { folder: string; remove(): void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'medicon-restore-'));
  fs.symlinkSync(path.resolve(file), path.join(folder, `${DATABASE}.dump`));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

async function loadStopped(instance: LocalInstance, file: string, log: Log): Promise<{ ok: boolean; output: string }> {
  const dump = asDumpFolder(file);
  try {
    const result = await runNeo4jAdmin(
      instance,
      ['database', 'load', DATABASE, `--from-path=${dump.folder}`, '--overwrite-destination=true'],
      log,
    );
    // neo4j-admin prints "Load failed" and may still exit 0 on a damaged archive.
    return { ok: result.status === 0 && !/load failed/i.test(result.output), output: result.output };
  } finally {
    dump.remove();
  }
}

/**
 * Checks a dump without loading it (`neo4j-admin database load --info`): the file exists and is a
 * Neo4j dump archive. Throws a BackupError otherwise.
 */
export async function checkDumpFile(
  instance: LocalInstance,
  file: string,
  log: Log = () => undefined,
): Promise<string> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`There is no backup file "${file}".`);
  const dump = asDumpFolder(file);
  try {
    const result = await runNeo4jAdmin(
      instance,
      ['database', 'load', DATABASE, '--info', `--from-path=${dump.folder}`],
      log,
    );
    if (result.status !== 0 || !/Format:/.test(result.output)) {
      throw new BackupError(
        `"${file}" is not a Neo4j dump or graph export (neo4j-admin: ${outputTail(result.output).split('\n')[0]}).`,
      );
    }
    return result.output.trim();
  } finally {
    dump.remove();
  }
}

export interface LoadResult {
  /** The dump of the database as it was before the load, kept in case the restore was a mistake. */
  safetyDump: string | undefined;
}

/**
 * Replaces the local database with the dump in `file` (`neo4j-admin database load
 * --overwrite-destination`), stopping and restarting the server if it runs. The file is checked
 * first (checkDumpFile), and the current database is dumped to `safetyDump` before the load: a
 * dump that passes the check but fails to load (a truncated file) is undone by loading that
 * safety dump back, so a refused restore leaves the graph as it was. Without `safetyDump` (a
 * damaged store that cannot be dumped) a failed load leaves the database as neo4j-admin left it.
 */
export async function loadLocalDatabase(
  instance: LocalInstance,
  file: string,
  safetyDump: string | undefined,
  log: Log = () => undefined,
): Promise<LoadResult> {
  await checkDumpFile(instance, file, log);
  return withServerStopped(instance, log, async () => {
    const keep = hasStore(instance) ? safetyDump : undefined;
    if (keep) {
      try {
        await dumpStopped(instance, keep, log);
      } catch (error) {
        throw new BackupError(
          `The database as it is could not be dumped to "${keep}" before the restore, so nothing was loaded ` +
            `(a damaged store?); to replace it anyway, run the restore with --no-safety-dump.\n${(error as Error).message}`,
        );
      }
    }
    const loaded = await loadStopped(instance, file, log);
    if (loaded.ok) return { safetyDump: keep };
    if (keep) {
      const back = await loadStopped(instance, keep, log);
      if (!back.ok) {
        throw new BackupError(
          `neo4j-admin could not load "${file}", nor put back the database from "${keep}"; load that dump by hand:\n${outputTail(back.output)}`,
        );
      }
    }
    throw new BackupError(
      `neo4j-admin could not load "${file}"; the database is as it was${keep ? ` (put back from "${keep}")` : ''}:\n${outputTail(loaded.output)}`,
    );
  });
}
