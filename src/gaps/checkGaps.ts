import fs from 'node:fs';
import path from 'node:path';
import { loadSeedFiles } from '../seed/loadSeedFiles';
import { findGaps, type GapReport } from './findGaps';
import { loadExclusions } from './loadExclusions';

/**
 * Runs the completeness check over a seed folder as it is on disk: the seed data as
 * `loadSeedFiles` returns it (a bad seed file throws its SeedValidationError), the documents in
 * `documentsDir` and `seedDir/exclusions.yaml`.
 */
export function checkGaps(seedDir: string, documentsDir = path.join(seedDir, 'documents')): GapReport {
  const data = loadSeedFiles(seedDir, documentsDir);
  const names = fs
    .readdirSync(documentsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const documents = names.map((doc) => ({ doc, text: fs.readFileSync(path.join(documentsDir, doc), 'utf8') }));
  const exclusions = loadExclusions(path.join(seedDir, 'exclusions.yaml'), names);
  return findGaps({ data, documents, exclusions });
}
