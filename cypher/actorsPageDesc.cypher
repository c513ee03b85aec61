// As actorsPage (see its comments on the plan), in descending name order: the page starts
// before ($fromKey, $fromId). $fromKey is "\uffff" for the first page, which sorts after every name.
CALL () {
  MATCH (n:Actor)
  USING INDEX n:Actor(sortKey, id)
  WHERE n.sortKey = $fromKey AND n.id < $fromId
  // @include actorFilter
  RETURN n ORDER BY n.sortKey DESC, n.id DESC LIMIT toInteger($limit)
  UNION
  MATCH (n:Actor)
  USING INDEX n:Actor(sortKey, id)
  WHERE n.sortKey < $fromKey AND n.id IS NOT NULL
  // @include actorFilter
  RETURN n ORDER BY n.sortKey DESC, n.id DESC LIMIT toInteger($limit)
}
RETURN n { .*, label: 'Actor' } AS actor
ORDER BY n.sortKey DESC, n.id DESC
LIMIT toInteger($limit)
