// Shared by actorsCountRelated and actorFacets: the actors that an ActorFilter can match, found
// from its narrowest side, as `n`: the actors related to the filter's themes when it names themes,
// else the actors located in its regions, else every actor. The caller applies the whole filter
// (actorFilter) afterwards, so the answer is the same as from every actor; only the work differs:
// a theme with 50 actors is 50 candidates, not the 100,000 actors of a large graph.
// (`CALL (*)` and `WITH *`: a planned statement binds the filter's values as variables, see
// fragments/actorFilter.)
CALL (*) {
  WITH *, 1 AS start WHERE $themeIds IS NOT NULL
  MATCH (t:Theme) WHERE t.id IN $themeIds
  MATCH (n:Actor)-[:FOCUSES_ON|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(t)
  RETURN n
  UNION
  WITH *, 1 AS start WHERE $themeIds IS NULL AND $regionIds IS NOT NULL
  MATCH (r:Region) WHERE r.id IN $regionIds
  MATCH (n:Actor)-[:LOCATED_IN]->(r)
  RETURN n
  UNION
  WITH *, 1 AS start WHERE $themeIds IS NULL AND $regionIds IS NULL
  MATCH (n:Actor)
  RETURN n
}
