// Who supports companies of a theme (and stage)? One page of supporters: those with stated stage
// evidence first (stageRank 0), then those that help the theme with no stage stated (1), each
// group in name order, with its evidence paths. Keyset after $from = [stageRank, sortKey, id],
// or null. The conditions are in cypher/fragments/supporterCandidates.cypher.
// @include supporterCandidates
WITH x, stageRank, themePaths + stagePaths AS evidence
WHERE $from IS NULL OR [stageRank, x.sortKey, x.id] > $from
ORDER BY stageRank, x.sortKey, x.id
LIMIT toInteger($limit)
RETURN
  x { .*, label: [l IN labels(x) WHERE l <> 'Entity'][0] } AS supporter,
  stageRank,
  [p IN evidence | {
    nodes: [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }],
    hops: [r IN relationships(p) | { type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id }]
  }] AS evidence
