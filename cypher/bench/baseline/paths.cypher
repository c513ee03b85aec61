// Workload 7 by hand: the shortest paths (at most $maxHops hops, over entities only) between two
// entities, at most $limit of them, each as its entities (id, name) and its hops (type and the
// stored direction's ends).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops AND all(n IN nodes(p) WHERE n:Entity)
WITH p
LIMIT toInteger($limit)
RETURN
  [n IN nodes(p) | n {.id, .name}] AS nodes,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS hops
