// The number of actors that pass an ActorFilter without themes or regions (those go to
// actorsCountRelated), for ActorConnection.totalCount. With no filter at all, the planner
// answers from the count store.
MATCH (n:Actor)
WHERE true
// @include actorFilter
RETURN count(n) AS count
