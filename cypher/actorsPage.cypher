// One page of actors in (sortKey, id) order after the keyset position ($fromKey, $fromId), with
// the ActorFilter. $limit is the page size plus one (to see whether more follow).
// Keyset paging must read the (sortKey, id) index in order and stop after $limit rows, so that a
// late page costs what the first does. "After the position" is written as two plain index ranges
// (the rest of the cursor's own sortKey, then every later sortKey), each in index order and
// limited, and never as one OR: Neo4j 5.26 may plan that OR as a union of two seeks over every
// later actor followed by a sort, depending on statistics (seen right after a large load).
CALL () {
  MATCH (n:Actor)
  USING INDEX n:Actor(sortKey, id)
  WHERE n.sortKey = $fromKey AND n.id > $fromId
  // @include actorFilter
  RETURN n ORDER BY n.sortKey, n.id LIMIT toInteger($limit)
  UNION
  MATCH (n:Actor)
  USING INDEX n:Actor(sortKey, id)
  WHERE n.sortKey > $fromKey AND n.id IS NOT NULL
  // @include actorFilter
  RETURN n ORDER BY n.sortKey, n.id LIMIT toInteger($limit)
}
RETURN n { .*, label: 'Actor' } AS actor
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
