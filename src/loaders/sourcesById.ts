import DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { QueryCounter } from '../db/Database';
import type { SourceModel } from '../models';
import { inKeyOrder, type Reader } from './batch';

/** Source documents by file name, one query per batch (cypher/sourcesById.cypher); null if missing. */
export function sourcesById(db: Reader, counter: QueryCounter): DataLoader<string, SourceModel | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.read(cypher('sourcesById'), { ids }, counter);
    return inKeyOrder(ids, new Map(rows.map((row) => [row.id as string, row.source as SourceModel])), null);
  });
}
