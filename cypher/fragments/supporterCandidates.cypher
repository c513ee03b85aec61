// Shared by supporters and supportersCount: the supporters of a theme (and stage). See
// docs/model.md, "Supporters".
// $themeIds: the theme and its sub-themes. $stageId: a Stage id, or null for any stage.
// $kinds: actor kinds, or null (then initiatives count too). Keyset after ($fromKey, $fromId).
//
// A candidate x (an actor or initiative) is linked to the theme directly, or through an
// initiative it operates, leads, arranges, owns or funds. It is a supporter when it also
//  - helps companies of the stage asked for (TARGETS_STAGE, SUPPORTS, INCUBATES, INVESTS_IN or
//    FUNDS a Stage, itself or through such an initiative), or,
//  - with no stage asked for, helps companies at any stage, or SUPPORTS, FUNDS, INVESTS_IN or
//    INCUBATES the theme itself.
// Every path that qualifies it is returned as evidence.
MATCH (t:Theme) WHERE t.id IN $themeIds
CALL (t) {
  MATCH p = (x:Entity)-[:SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|FOCUSES_ON]->(t)
  WHERE x:Actor OR x:Initiative
  RETURN x, p
  UNION
  MATCH p = (x:Entity)-[:OPERATES|LEADS|ARRANGES|OWNS|FUNDS]->(:Initiative)-[:SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|FOCUSES_ON]->(t)
  WHERE x:Actor OR x:Initiative
  RETURN x, p
}
WITH x, collect(DISTINCT p) AS themePaths
WHERE ($kinds IS NULL OR (x:Actor AND x.kind IN $kinds))
  AND x.sortKey >= $fromKey AND (x.sortKey > $fromKey OR x.id > $fromId)
CALL (x) {
  OPTIONAL MATCH p = (x)-[:TARGETS_STAGE|SUPPORTS|INCUBATES|INVESTS_IN|FUNDS]->(s:Stage)
  WHERE $stageId IS NULL OR s.id = $stageId
  WITH collect(p) AS direct
  OPTIONAL MATCH p = (x)-[:OPERATES|LEADS|ARRANGES|OWNS|FUNDS]->(:Initiative)-[:TARGETS_STAGE|SUPPORTS|INCUBATES|INVESTS_IN|FUNDS]->(s:Stage)
  WHERE $stageId IS NULL OR s.id = $stageId
  WITH direct, collect(p) AS viaInitiatives
  RETURN direct + viaInitiatives AS stagePaths
}
WITH x, themePaths, stagePaths,
  any(p IN themePaths WHERE type(last(relationships(p))) IN ['SUPPORTS', 'FUNDS', 'INVESTS_IN', 'INCUBATES']) AS helpsTheme
WHERE size(stagePaths) > 0 OR ($stageId IS NULL AND helpsTheme)
