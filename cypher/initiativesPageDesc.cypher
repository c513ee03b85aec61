// Initiatives read backward (last/before): in descending (sortKey, id) order before
// ($fromKey, $fromId) ("\uffff" from the end), filtered as initiativesPage;
// src/queries/connections.ts puts the page back in order. Two index ranges, not one OR: see
// actorsPage.
CALL () {
  MATCH (n:Initiative)
  USING INDEX n:Initiative(sortKey, id)
  WHERE n.sortKey = $fromKey AND n.id < $fromId
  // @include initiativeFilter
  RETURN n ORDER BY n.sortKey DESC, n.id DESC LIMIT toInteger($limit)
  UNION
  MATCH (n:Initiative)
  USING INDEX n:Initiative(sortKey, id)
  WHERE n.sortKey < $fromKey AND n.id IS NOT NULL
  // @include initiativeFilter
  RETURN n ORDER BY n.sortKey DESC, n.id DESC LIMIT toInteger($limit)
}
RETURN n { .*, label: 'Initiative' } AS entity
ORDER BY n.sortKey DESC, n.id DESC
LIMIT toInteger($limit)
