import DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { Database, QueryCounter } from '../db/Database';
import type { RelationshipsKey } from './relationshipsByEntity';

export type RelationshipCountKey = Pick<RelationshipsKey, 'id' | 'types' | 'direction'>;

const argumentsOf = ({ types, direction }: RelationshipCountKey) => JSON.stringify([types ? [...types].sort() : null, direction]);

/**
 * The number of relationships of entities (RelationshipConnection.totalCount), keyed by entity,
 * types and direction; one `UNWIND` count query per group of equal arguments. Only loaded when a
 * client selects totalCount.
 */
export function relationshipCountsByEntity(db: Database, counter: QueryCounter): DataLoader<RelationshipCountKey, number, string> {
  const cacheKey = (key: RelationshipCountKey) => JSON.stringify([key.id, argumentsOf(key)]);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, RelationshipCountKey[]>();
      for (const key of keys) groups.set(argumentsOf(key), [...(groups.get(argumentsOf(key)) ?? []), key]);
      const found = new Map<string, number>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { types, direction } = group[0]!;
          const rows = await db.read(cypher('relationshipCountsByEntity'), { ids: [...new Set(group.map((k) => k.id))], types, direction }, counter);
          for (const row of rows) found.set(cacheKey({ ...group[0]!, id: row.id as string }), row.count as number);
        }),
      );
      return keys.map((key) => found.get(cacheKey(key)) ?? 0);
    },
    { cacheKeyFn: cacheKey },
  );
}
