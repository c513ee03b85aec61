// The number of supporters of a theme (and stage), for SupporterConnection.totalCount.
// @include supporterCandidates
RETURN count(x) AS count
