import DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { QueryCounter } from '../db/Database';
import type { FigureModel } from '../models';
import { inKeyOrder, type Reader } from './batch';

/** Figures of entities by seed id, one `UNWIND` query per batch (cypher/figuresByEntity.cypher). */
export function figuresByEntity(db: Reader, counter: QueryCounter): DataLoader<string, FigureModel[]> {
  return new DataLoader(async (ids) => {
    const rows = await db.read(cypher('figuresByEntity'), { ids }, counter);
    return inKeyOrder(ids, new Map(rows.map((row) => [row.id as string, row.figures as FigureModel[]])), []);
  });
}
