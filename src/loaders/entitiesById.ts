import DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { QueryCounter } from '../db/Database';
import type { EntityModel } from '../models';
import { inKeyOrder, type Reader } from './batch';

/** Entities by seed id, one `UNWIND` query per batch (cypher/entitiesById.cypher); null if missing. */
export function entitiesById(db: Reader, counter: QueryCounter): DataLoader<string, EntityModel | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.read(cypher('entitiesById'), { ids }, counter);
    return inKeyOrder(ids, new Map(rows.map((row) => [row.id as string, row.entity as EntityModel])), null);
  });
}
