import DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { Database, QueryCounter } from '../db/Database';
import type { RelationshipsKey } from './relationshipsByEntity';

export type RelationshipCountKey = Pick<RelationshipsKey, 'id' | 'types' | 'direction' | 'bases'>;

const argumentsOf = ({ types, direction, bases }: RelationshipCountKey) =>
  JSON.stringify([types ? [...types].sort() : null, direction, bases ? [...bases].sort() : null]);

/**
 * The number of relationships of entities (RelationshipConnection.totalCount), keyed by entity,
 * types, direction and bases; one `UNWIND` count query per group of equal arguments. Only loaded when a
 * client selects totalCount.
 */
export function relationshipCountsByEntity(
  db: Database,
  counter: QueryCounter,
): DataLoader<RelationshipCountKey, number, string> {
  const cacheKey = (key: RelationshipCountKey) => JSON.stringify([key.id, argumentsOf(key)]);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, RelationshipCountKey[]>();
      for (const key of keys) groups.set(argumentsOf(key), [...(groups.get(argumentsOf(key)) ?? []), key]);
      const found = new Map<string, number>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { types, direction, bases } = group[0]!;
          const ids = [...new Set(group.map((k) => k.id))];
          const rows = await db.read(cypher('relationshipCountsByEntity'), { ids, types, direction, bases }, counter);
          for (const row of rows) found.set(cacheKey({ ...group[0]!, id: row.id as string }), row.count as number);
        }),
      );
      return keys.map((key) => found.get(cacheKey(key)) ?? 0);
    },
    { cacheKeyFn: cacheKey },
  );
}
