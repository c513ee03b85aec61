// All shortest paths between two entities over entity nodes only (no figures), through
// relationships of $types (all when null), at most $maxHops long (the literal 6 is the cap that
// the API also enforces), as lists of nodes and hops.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND all(n IN nodes(p) WHERE n:Entity)
  AND ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
WITH p
LIMIT toInteger($limit)
RETURN
  [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
  [r IN relationships(p) | { type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id }] AS hops
