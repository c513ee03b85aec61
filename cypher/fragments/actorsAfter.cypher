// Shared by actorsPage and the planned actors statement (cypher/planner/actorsPage.cypher): the
// first $limit actors in (sortKey, id) order after the keyset position ($fromKey, $fromId) that
// pass the ActorFilter, as `n` (not yet in order: the caller orders and limits again).
// Keyset paging must read the (sortKey, id) index in order and stop after $limit rows, so that a
// late page costs what the first does. "After the position" is written as two plain index ranges
// (the rest of the cursor's own sortKey, then every later sortKey), each in index order and
// limited, and never as one OR: Neo4j 5.26 may plan that OR as a union of two seeks over every
// later actor followed by a sort, depending on statistics (seen right after a large load).
// (`CALL (*)`: a planned statement binds the filter's values as variables, see fragments/actorFilter.)
CALL (*) {
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
