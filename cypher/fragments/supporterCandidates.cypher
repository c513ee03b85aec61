// Shared by supporters and supportersCount: the supporters of a theme (and stage). See
// docs/model.md, "Supporters".
// $themeIds: the theme and its sub-themes. $stageId: a Stage id, or null for any stage.
// $kinds: actor kinds, or null (then initiatives count too).
//
// A candidate x (an actor or initiative) is linked to the theme directly, or through an
// initiative it operates, leads, arranges, owns, funds or initiates, by a relationship that means
// help or by FOCUSES_ON. It is a supporter when
//  - a source states that it helps companies of the stage asked for (TARGETS_STAGE or a helping
//    relationship to that Stage, itself or through such an initiative; any Stage when none is
//    asked for): stageEvidence STATED, rank 0; or else
//  - it helps companies of the theme (a helping relationship to the theme) and no source states
//    a stage it helps: stageEvidence NOT_STATED, rank 1 (it may help start-ups too).
// A candidate that only focuses on the theme, with no stage stated, is not a supporter.
// Every path that qualifies it is returned as evidence. The helping types here are
// HELP_TYPES in src/seed/model.ts (a unit test keeps the two lists equal).
MATCH (t:Theme) WHERE t.id IN $themeIds
CALL (t) {
  MATCH p = (x:Entity)-[:SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES|FOCUSES_ON]->(t)
  WHERE x:Actor OR x:Initiative
  RETURN x, p
  UNION
  MATCH p = (x:Entity)-[:OPERATES|LEADS|ARRANGES|OWNS|FUNDS|INITIATES]->(:Initiative)-[:SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES|FOCUSES_ON]->(t)
  WHERE x:Actor OR x:Initiative
  RETURN x, p
}
WITH x, collect(DISTINCT p) AS themePaths
WHERE ($kinds IS NULL OR (x:Actor AND x.kind IN $kinds))
CALL (x) {
  OPTIONAL MATCH p = (x)-[:TARGETS_STAGE|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(s:Stage)
  WHERE $stageId IS NULL OR s.id = $stageId
  WITH collect(p) AS direct
  OPTIONAL MATCH p = (x)-[:OPERATES|LEADS|ARRANGES|OWNS|FUNDS|INITIATES]->(:Initiative)-[:TARGETS_STAGE|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(s:Stage)
  WHERE $stageId IS NULL OR s.id = $stageId
  WITH direct, collect(p) AS viaInitiatives
  RETURN direct + viaInitiatives AS stagePaths
}
WITH x, themePaths, stagePaths,
  any(p IN themePaths WHERE type(last(relationships(p))) <> 'FOCUSES_ON') AS helpsTheme
WHERE size(stagePaths) > 0 OR helpsTheme
WITH x, themePaths, stagePaths, CASE WHEN size(stagePaths) > 0 THEN 0 ELSE 1 END AS stageRank
