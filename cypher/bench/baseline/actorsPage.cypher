// Workload 3 by hand: a page of actors in (sortKey, id) order after the keyset position
// ($fromKey, $fromId), read from the composite actor_sort_key index in order as two plain ranges
// (the rest of the cursor's sortKey, then every later one), each stopping after $limit rows, so
// that a late page costs what the first does. One OR instead may be planned as a union of seeks
// over every later actor plus a sort. $limit is the page size plus one.
CALL () {
  MATCH (n:Actor)
  WHERE n.sortKey = $fromKey AND n.id > $fromId
  RETURN n ORDER BY n.sortKey, n.id LIMIT toInteger($limit)
  UNION
  MATCH (n:Actor)
  WHERE n.sortKey > $fromKey AND n.id IS NOT NULL
  RETURN n ORDER BY n.sortKey, n.id LIMIT toInteger($limit)
}
RETURN n.id AS id, n.name AS name
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
