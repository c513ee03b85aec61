/**
 * The loader contract, checked: a batch function returns one value per key, in key order.
 * `byKey` turns a query's rows into that array (a Map lookup), with `missing` for keys that have
 * no row.
 */
export function inKeyOrder<K, V>(keys: readonly K[], found: Map<K, V>, missing: V): V[] {
  return keys.map((key) => (found.has(key) ? found.get(key)! : missing));
}
