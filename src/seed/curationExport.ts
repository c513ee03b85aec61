import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { cypher } from '../db/cypher';
import type { Database } from '../db/Database';
import { entityRecordOf, relationshipRecordOf } from './fromGraph';
import { loadSeedFiles, type SeedData } from './loadSeedFiles';
import { ENTITY_COLLECTIONS, type EntityCollection, type EntityLabel } from './model';

/**
 * The curation round trip: what curators wrote through the API (origin 'api') lives only in
 * Neo4j until it is reviewed into seed/, the source of truth. `exportCuration` writes every such
 * entity and relationship, with its sources and quotes, as one seed file; checked by the seed
 * loader beside seed/ (`checkWithSeed`), it can be reviewed and moved into seed/ as it is. A seed
 * reload with the file in seed/ then writes the same records (as origin 'seed').
 *
 * Not in it: changes made through the API to records that came from seed/ (updateActor on a
 * seeded actor, updateRelationship on a seeded relationship, deleteRelationship). Those keep
 * origin 'seed', so a seed reload puts the seeded version back; the audit trail
 * (`auditTrail`) lists them for a curator to carry into seed/ by hand.
 */

const COLLECTION_OF = Object.fromEntries(
  Object.entries(ENTITY_COLLECTIONS).map(([collection, label]) => [label, collection]),
) as Record<EntityLabel, EntityCollection>;

export interface CurationCounts {
  entities: number;
  relationships: number;
}

/** The API's records as seed collections (`actors`, `initiatives`, `relationships`), in id/key order. */
export async function readCuration(db: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const collections: Record<string, Record<string, unknown>[]> = {};
  for (const { entity } of await db.read(cypher('seed/apiEntities'))) {
    const node = entity as Record<string, unknown>;
    const collection = COLLECTION_OF[node.label as EntityLabel];
    if (!collection) throw new Error(`The entity "${String(node.id)}" has no seed collection (label ${String(node.label)}).`);
    (collections[collection] ??= []).push(entityRecordOf(node));
  }
  const relationships = await db.read(cypher('seed/apiRelationships'));
  if (relationships.length > 0) {
    collections.relationships = relationships.map(
      (r) =>
        relationshipRecordOf(
          r.from as string,
          r.type as string,
          r.to as string,
          r.props as Record<string, unknown>,
        ) as unknown as Record<string, unknown>,
    );
  }
  return collections;
}

/**
 * Writes the API's records to `file` as a seed file (its folder is created). Returns the counts;
 * with nothing to export, writes nothing and returns zeros.
 */
export async function exportCuration(db: Database, file: string, source: string): Promise<CurationCounts> {
  const collections = await readCuration(db);
  const relationships = collections.relationships?.length ?? 0;
  const entities = Object.values(collections).reduce((sum, list) => sum + list.length, 0) - relationships;
  if (entities + relationships === 0) return { entities: 0, relationships: 0 };
  const document = new YAML.Document(collections);
  document.commentBefore = [
    ` Curated through the API (origin "api") and exported by npm run curation:export`,
    ` from ${source} at ${new Date().toISOString()}: ${entities} entities, ${relationships} relationships.`,
    ' Review it like any seed change, then move it into seed/ (or merge its records into the files',
    ' they belong to): a seed reload then writes the same records, owned by seed/ from then on.',
  ].join('\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, document.toString({ lineWidth: 0 }));
  return { entities, relationships };
}

/**
 * Runs the seed loader on seed/ with `file` added (in a scratch folder: seed/ is not touched),
 * as a reload with the file moved into seed/ would; throws its SeedValidationError on a problem.
 */
export function checkWithSeed(file: string, seedDir: string, documentsDir = path.join(seedDir, 'documents')): SeedData {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'medicon-curation-'));
  try {
    for (const name of fs.readdirSync(seedDir)) {
      if (name.endsWith('.yaml') || name.endsWith('.yml')) fs.copyFileSync(path.join(seedDir, name), path.join(scratch, name));
    }
    fs.copyFileSync(file, path.join(scratch, `zz-curation-${path.basename(file)}`));
    return loadSeedFiles(scratch, documentsDir);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
