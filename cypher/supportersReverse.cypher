// Supporters read backward (last/before): as supporters.cypher, in the reverse of its order,
// before the keyset position $from = [stageRank, sortKey, id], or from the end when null;
// src/queries/connections.ts puts the page back in order.
// @include supporterCandidates
WITH x, stageRank, themePaths + stagePaths AS evidence
WHERE $from IS NULL OR [stageRank, x.sortKey, x.id] < $from
ORDER BY stageRank DESC, x.sortKey DESC, x.id DESC
LIMIT toInteger($limit)
RETURN
  x { .*, label: [l IN labels(x) WHERE l <> 'Entity'][0] } AS supporter,
  stageRank,
  [p IN evidence | {
    nodes: [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }],
    hops: [r IN relationships(p) | { type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id }]
  }] AS evidence
