// The entities of one label read backward (last/before): in descending (sortKey, id) order before
// ($fromKey, $fromId) ("\uffff" from the end); src/queries/connections.ts puts the page back in
// order. $label comes from an allow-list in src/queries/entitiesPage.ts. Two ranges, not one OR,
// as in actorsPage.
CALL () {
  MATCH (n:$($label))
  WHERE n.sortKey = $fromKey AND n.id < $fromId
  RETURN n ORDER BY n.sortKey DESC, n.id DESC LIMIT toInteger($limit)
  UNION
  MATCH (n:$($label))
  WHERE n.sortKey < $fromKey AND n.id IS NOT NULL
  RETURN n ORDER BY n.sortKey DESC, n.id DESC LIMIT toInteger($limit)
}
RETURN n { .*, label: $label } AS entity
ORDER BY n.sortKey DESC, n.id DESC
LIMIT toInteger($limit)
