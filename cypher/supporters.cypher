// Who supports companies of a theme (and stage)? One page of supporters in name order, each with
// its evidence paths. The conditions are in cypher/fragments/supporterCandidates.cypher.
// @include supporterCandidates
WITH x, themePaths + stagePaths AS evidence
ORDER BY x.sortKey, x.id
LIMIT toInteger($limit)
RETURN
  x { .*, label: [l IN labels(x) WHERE l <> 'Entity'][0] } AS supporter,
  [p IN evidence | {
    nodes: [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }],
    hops: [r IN relationships(p) | { type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id }]
  }] AS evidence
