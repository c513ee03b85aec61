// The number of actors that pass the ActorFilter, for ActorConnection.totalCount. With no
// filter, the planner answers from the count store.
MATCH (n:Actor)
WHERE true
// @include actorFilter
RETURN count(n) AS count
