// A planned `actors` statement's filter (src/planner/): binds `kinds`, `themeIds`, `regionIds`
// and `stageIds`, the values fragments/actorFilter reads, from $kinds and $stageIds (as
// src/queries/filters.ts writes them) and from the names $themeNames and $regionNames (each
// {given, folded}, or null), resolved as cypher/entitiesByName.cypher resolves them, sub-themes
// and sub-regions included; and `nameMatches`, how many entities each name matched. The planner
// keeps its answer only when every name matched one entity; otherwise it reads the list as before,
// which reports an unknown name as it always did.
CALL () {
  UNWIND coalesce($themeNames, []) AS name
  OPTIONAL MATCH (t:Theme) WHERE name.folded IN t.matchKeys
  OPTIONAL MATCH (d:Theme)-[:SUBTHEME_OF|PART_OF*0..5]->(t)
  WITH name, t, collect(DISTINCT d.id) AS ids
  WITH name, count(t) AS matches, reduce(all = [], l IN collect(ids) | all + l) AS ids
  RETURN collect(matches) AS themeMatches, reduce(all = [], l IN collect(ids) | all + l) AS themeIdList
}
CALL () {
  UNWIND coalesce($regionNames, []) AS name
  OPTIONAL MATCH (r:Region) WHERE name.folded IN r.matchKeys
  OPTIONAL MATCH (d:Region)-[:SUBTHEME_OF|PART_OF*0..5]->(r)
  WITH name, r, collect(DISTINCT d.id) AS ids
  WITH name, count(r) AS matches, reduce(all = [], l IN collect(ids) | all + l) AS ids
  RETURN collect(matches) AS regionMatches, reduce(all = [], l IN collect(ids) | all + l) AS regionIdList
}
WITH
  $kinds AS kinds,
  $stageIds AS stageIds,
  CASE WHEN $themeNames IS NULL THEN null ELSE themeIdList END AS themeIds,
  CASE WHEN $regionNames IS NULL THEN null ELSE regionIdList END AS regionIds,
  themeMatches + regionMatches AS nameMatches
