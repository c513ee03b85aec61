// Facet counts for the actors that pass the ActorFilter: per kind, per theme they are related to,
// per region they are located in. Each bucket counts distinct actors. The candidates come from
// the filter's narrowest side (fragments/actorCandidates).
// @include actorCandidates
WITH n WHERE true
// @include actorFilter
WITH collect(n) AS actors
CALL (actors) {
  UNWIND actors AS a
  WITH a.kind AS value, count(*) AS count
  ORDER BY count DESC, value
  RETURN collect({ value: value, label: value, count: count }) AS kinds
}
CALL (actors) {
  UNWIND actors AS a
  MATCH (a)-[:FOCUSES_ON|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(t:Theme)
  WITH t, count(DISTINCT a) AS count
  ORDER BY count DESC, t.id
  RETURN collect({ value: t.id, label: t.nameEn, count: count }) AS themes
}
CALL (actors) {
  UNWIND actors AS a
  MATCH (a)-[:LOCATED_IN]->(r:Region)
  WITH r, count(DISTINCT a) AS count
  ORDER BY count DESC, r.id
  RETURN collect({ value: r.id, label: r.nameEn, count: count }) AS regions
}
RETURN kinds, themes, regions
