import type DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { QueryCounter } from '../db/Database';
import { groupedLoader, type Reader } from './batch';
import type { RelationshipsKey } from './relationshipsByEntity';

export type RelationshipCountKey = Pick<RelationshipsKey, 'id' | 'types' | 'direction' | 'bases' | 'labels'>;

const argumentsOf = ({ types, direction, bases, labels }: RelationshipCountKey) =>
  JSON.stringify([
    types ? [...types].sort() : null,
    direction,
    bases ? [...bases].sort() : null,
    labels ? [...labels].sort() : null,
  ]);

/**
 * The number of relationships of entities (RelationshipConnection.totalCount), keyed by entity,
 * types, direction, bases and other-end labels; one `UNWIND` count query per group of equal arguments
 * (cypher/relationshipCountsByEntity.cypher). Only loaded when a client selects totalCount.
 */
export function relationshipCountsByEntity(
  db: Reader,
  counter: QueryCounter,
): DataLoader<RelationshipCountKey, number, string> {
  return groupedLoader<RelationshipCountKey, number>(
    argumentsOf,
    async (ids, { types, direction, bases, labels }) => {
      const rows = await db.read(
        cypher('relationshipCountsByEntity'),
        { ids, types, direction, bases, labels: labels ?? null },
        counter,
      );
      return new Map(rows.map((row) => [row.id as string, row.count as number]));
    },
    () => 0,
  );
}
