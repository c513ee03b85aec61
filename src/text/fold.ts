/**
 * How names are folded, in one place for the seed writer (which stores the keys) and the queries
 * (which fold what a client typed the same way, so that the two meet in the index).
 */

/** A key that sorts names as people expect: case and diacritics folded ("Åhus" near "Ahus"). */
export function sortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How names are compared when a client names a theme or region: folded for case and diacritics,
 * whitespace collapsed, so "Skane", "skåne" and "Skåne" are one name.
 */
export function foldForMatching(name: string): string {
  return sortKey(name).split(/\s+/).filter(Boolean).join(' ');
}
