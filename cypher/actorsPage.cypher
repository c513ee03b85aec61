// One page of actors in (sortKey, id) order after the keyset position ($fromKey, $fromId), with
// the ActorFilter. $limit is the page size plus one (to see whether more follow). The rows and
// why they are read as two index ranges: fragments/actorsAfter.
// @include actorsAfter
RETURN n { .*, label: 'Actor' } AS actor
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
