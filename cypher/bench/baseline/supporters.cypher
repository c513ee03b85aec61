// Workload 6 by hand, in one query: the supporters of one theme (a leaf: no sub-themes) for one
// stage, as docs/model.md ("Supporters") defines them, the first page of $limit in the API's
// order (stated stage evidence first, then name), with how many there are, each with its support
// types and its evidence paths as ids and relationship types: what the workload asks for, no
// more. The conditions are those of cypher/fragments/supporterCandidates.cypher, written out.
MATCH (t:Theme {id: $themeId})
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
CALL (x) {
  OPTIONAL MATCH p = (x)-[:TARGETS_STAGE|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(:Stage {id: $stageId})
  WITH collect(p) AS direct
  OPTIONAL MATCH p = (x)-[:OPERATES|LEADS|ARRANGES|OWNS|FUNDS|INITIATES]->(:Initiative)-[:TARGETS_STAGE|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(:Stage {id: $stageId})
  WITH direct, collect(p) AS viaInitiatives
  RETURN direct + viaInitiatives AS stagePaths
}
WITH x, themePaths, stagePaths
WHERE size(stagePaths) > 0 OR any(p IN themePaths WHERE type(last(relationships(p))) <> 'FOCUSES_ON')
WITH x, CASE WHEN size(stagePaths) > 0 THEN 0 ELSE 1 END AS stageRank, themePaths + stagePaths AS evidence
ORDER BY stageRank, x.sortKey, x.id
WITH collect({x: x, stageRank: stageRank, evidence: evidence}) AS candidates
RETURN size(candidates) AS total, [s IN candidates[0..toInteger($limit)] | {
  id: s.x.id,
  name: s.x.name,
  stageRank: s.stageRank,
  supportTypes: COLLECT {
    UNWIND s.evidence AS p
    UNWIND relationships(p) AS r
    WITH DISTINCT type(r) AS type
    WHERE type IN $helpTypes
    RETURN type ORDER BY type
  },
  evidence: [p IN s.evidence | {nodes: [n IN nodes(p) | n.id], types: [r IN relationships(p) | type(r)]}]
}] AS page
