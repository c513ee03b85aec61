// The number of actors that pass an ActorFilter naming themes or regions, for
// ActorConnection.totalCount: counted among the themes' or regions' actors
// (fragments/actorCandidates), not among every actor. (Without themes or regions, actorsCount.)
// @include actorCandidates
WITH n WHERE true
// @include actorFilter
RETURN count(n) AS count
