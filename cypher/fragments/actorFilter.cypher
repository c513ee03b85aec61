// Shared by actorsPage, actorsPageDesc, actorsCount and actorFacets: the ActorFilter.
// A null parameter means "no condition". Themes and regions arrive expanded to their
// sub-themes and sub-regions' ids by the caller (cypher/entitiesByName.cypher).
// A planned `actors` statement (src/planner/compose.ts) resolves the names itself and binds the
// four values as variables: it reads this fragment with `$kinds`, `$themeIds`, `$regionIds` and
// `$stageIds` written as `kinds`, `themeIds`, ... So name them only as these four parameters, and
// import every variable (`CALL (*)`) into a subquery that includes this fragment.
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($themeIds IS NULL OR EXISTS {
    MATCH (n)-[:FOCUSES_ON|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(t:Theme) WHERE t.id IN $themeIds
  })
  AND ($regionIds IS NULL OR EXISTS {
    MATCH (n)-[:LOCATED_IN]->(r:Region) WHERE r.id IN $regionIds
  })
  AND ($stageIds IS NULL OR EXISTS {
    MATCH (n)-[:TARGETS_STAGE|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(s:Stage) WHERE s.id IN $stageIds
  })
