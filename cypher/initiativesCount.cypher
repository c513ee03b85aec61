// The number of initiatives that pass the filter, for InitiativeConnection.totalCount.
MATCH (n:Initiative)
WHERE true
// @include initiativeFilter
RETURN count(n) AS count
