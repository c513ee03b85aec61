import path from 'node:path';
import { PROJECT_ROOT } from './config';
import { applySchema } from './db/applySchema';
import type { Database } from './db/Database';
import { loadSeedFiles } from './seed/loadSeedFiles';
import { isGraphSeeded, writeSeed, type SeedWriteSummary } from './seed/writeSeed';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/**
 * Makes a database ready to serve: applies constraints and indexes, then loads seed/ if the
 * graph has no curated entities yet (or always, with `reloadSeed`). The seed files are validated
 * before anything is written. Returns the load summary, or null when the seed was not loaded.
 */
export async function prepareDatabase(
  db: Database,
  options: { reloadSeed?: boolean; seedDir?: string; documentsDir?: string } = {},
): Promise<SeedWriteSummary | null> {
  await applySchema(db);
  if (!options.reloadSeed && (await isGraphSeeded(db))) return null;
  return writeSeed(
    db,
    loadSeedFiles(options.seedDir ?? SEED_DIR, options.documentsDir ?? path.join(SEED_DIR, 'documents')),
  );
}
