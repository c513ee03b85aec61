import DataLoader from 'dataloader';
import type { Database } from '../db/Database';

/** What a loader needs of the gateway: its reads (a stub that records them in unit tests). */
export type Reader = Pick<Database, 'read'>;

/**
 * The loader contract, checked: a batch function returns one value per key, in key order.
 * `byKey` turns a query's rows into that array (a Map lookup), with `missing` for keys that have
 * no row.
 */
export function inKeyOrder<K, V>(keys: readonly K[], found: Map<K, V>, missing: V): V[] {
  return keys.map((key) => (found.has(key) ? found.get(key)! : missing));
}

/** A key of a parameterised load: the entity, and arguments (filters, page size) it is loaded with. */
export interface GroupedKey {
  id: string;
}

/**
 * A loader of parameterised loads (convention 7): the arguments are part of the key, and a batch
 * is grouped by them, so that each group of equal arguments costs one `UNWIND $ids` query. A
 * GraphQL field asks with the same arguments for every parent, so a level of a nested query costs
 * one query however many parents it has.
 *
 * `argumentsOf` says which keys share a query: a string equal for equal arguments (lists sorted
 * where their order means nothing). `loadGroup` runs the group's query for the distinct `ids`
 * with the arguments of `group` (any key of the group: they share them), and returns the values
 * by id; an id it leaves out gets `missing()`.
 */
export function groupedLoader<K extends GroupedKey, V>(
  argumentsOf: (key: K) => string,
  loadGroup: (ids: string[], group: K) => Promise<Map<string, V>>,
  missing: () => V,
): DataLoader<K, V, string> {
  // The id as a JSON string ends at its closing quote, so id and arguments cannot run into each other.
  const cacheKey = (key: K) => JSON.stringify(key.id) + argumentsOf(key);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) {
        const args = argumentsOf(key);
        groups.set(args, [...(groups.get(args) ?? []), key]);
      }
      const found = new Map<string, V>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const byId = await loadGroup([...new Set(group.map((k) => k.id))], group[0]!);
          for (const [id, value] of byId) found.set(cacheKey({ ...group[0]!, id }), value);
        }),
      );
      return keys.map((key) => (found.has(cacheKey(key)) ? found.get(cacheKey(key))! : missing()));
    },
    { cacheKeyFn: cacheKey },
  );
}
