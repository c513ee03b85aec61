// One page of initiatives in (sortKey, id) order after ($fromKey, $fromId), filtered by kind and
// funder (cypher/fragments/initiativeFilter.cypher). Two index ranges, not one OR: see actorsPage.
CALL () {
  MATCH (n:Initiative)
  USING INDEX n:Initiative(sortKey, id)
  WHERE n.sortKey = $fromKey AND n.id > $fromId
  // @include initiativeFilter
  RETURN n ORDER BY n.sortKey, n.id LIMIT toInteger($limit)
  UNION
  MATCH (n:Initiative)
  USING INDEX n:Initiative(sortKey, id)
  WHERE n.sortKey > $fromKey AND n.id IS NOT NULL
  // @include initiativeFilter
  RETURN n ORDER BY n.sortKey, n.id LIMIT toInteger($limit)
}
RETURN n { .*, label: 'Initiative' } AS entity
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
