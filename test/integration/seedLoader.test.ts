import fs from 'node:fs';
import path from 'node:path';
import { removeTempDirs, tempDir } from '../tempDirs';
import YAML from 'yaml';
import { applySchema } from '../../src/db/applySchema';
import type { Database } from '../../src/db/Database';
import { graphFingerprint } from '../graphFingerprint';
import { SeedValidationError } from '../../src/errors';
import { loadSeedFiles, type SeedData } from '../../src/seed/loadSeedFiles';
import { writeSeed } from '../../src/seed/writeSeed';
import { connectTestDatabase, emptyGraph } from './harness';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'seed-small');
const DOCUMENTS = path.join(__dirname, '..', '..', 'seed', 'documents');

/** A copy of the small fixture in a temp folder, changed by `edit`. */
function fixtureCopy(edit: (files: Record<string, any>) => void): string {
  const dir = tempDir('seed');
  const files: Record<string, any> = {};
  for (const file of fs.readdirSync(FIXTURE))
    files[file] = YAML.parse(fs.readFileSync(path.join(FIXTURE, file), 'utf8'));
  edit(files);
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), YAML.stringify(content));
  return dir;
}

const load = (dir: string) => loadSeedFiles(dir, DOCUMENTS);

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  await applySchema(db);
});
afterAll(async () => {
  removeTempDirs();
  await emptyGraph(db);
  await db.close();
});

test('loading the same seed twice or three times leaves an identical graph', async () => {
  await writeSeed(db, load(FIXTURE));
  const first = await graphFingerprint(db);
  // 4 entities + 1 source... the fixture has 2 sources, 4 entities, 1 figure.
  expect(first.nodes).toBe(7);
  // 2 curated relationships + 1 HAS_FIGURE.
  expect(first.relationships).toBe(3);
  await writeSeed(db, load(FIXTURE));
  await writeSeed(db, load(FIXTURE));
  expect(await graphFingerprint(db)).toEqual(first);
});

test('a record removed from seed/ is removed from the graph on reload', async () => {
  await writeSeed(db, load(FIXTURE));
  const withoutOwnership = fixtureCopy((files) => {
    files['base.yaml'].relationships = files['base.yaml'].relationships.filter((r: any) => r.type !== 'OWNS');
    files['base.yaml'].actors = files['base.yaml'].actors.filter((a: any) => a.id !== 'lund-university');
    files['base.yaml'].relationships = files['base.yaml'].relationships.filter(
      (r: any) => r.from !== 'lund-university',
    );
  });
  const summary = await writeSeed(db, load(withoutOwnership));
  expect(summary).toMatchObject({ deletedNodes: 1, deletedRelationships: 2 });
  const after = await graphFingerprint(db);
  expect(after.nodes).toBe(6);
  expect(after.relationships).toBe(1);
  // And back again: the reload restores exactly the original graph.
  await writeSeed(db, load(FIXTURE));
  await writeSeed(db, load(withoutOwnership));
  expect(await graphFingerprint(db)).toEqual(after);
});

test('a broken seed file is rejected with file, record and field, and the graph stays as it was', async () => {
  await writeSeed(db, load(FIXTURE));
  const before = await graphFingerprint(db);
  const broken = fixtureCopy((files) => {
    files['base.yaml'].actors[1].kind = 'startup_hub';
    files['base.yaml'].relationships[0].to = 'innovation-skaane';
  });
  let error: unknown;
  try {
    load(broken);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SeedValidationError);
  const message = (error as Error).message;
  expect(message).toContain('base.yaml: actors[1] (id "innovation-skane"), field "kind": must be one of "university"');
  expect(message).toContain(
    'base.yaml: relationships[0] ("region-skane" OWNS "innovation-skaane"), field "to": no entity has the id "innovation-skaane".',
  );
  expect(await graphFingerprint(db)).toEqual(before);
});

test('a write that fails half-way leaves nothing of its first statements', async () => {
  await emptyGraph(db);
  await writeSeed(db, load(FIXTURE));
  const before = await graphFingerprint(db);
  const data: SeedData = load(FIXTURE);
  // Entities change first; then the figure upsert fails (a map is not a valid property value),
  // after the entity and relationship statements of the same transaction have run.
  data.entities[0]!.record.name = 'Renamed in a transaction that fails';
  (data.figures[0] as any).note = { not: 'a property value' };
  await expect(writeSeed(db, data)).rejects.toThrow(/Property values can only be of primitive types|primitive/i);
  expect(await graphFingerprint(db)).toEqual(before);
});
