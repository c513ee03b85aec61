// All shortest paths between two entities over entity nodes only (no figures), through
// relationships of $types (all when null), at most $maxHops long, as lists of nodes and hops.
//
// Bounded by construction: ALL SHORTEST over a quantified path pattern is one breadth-first search
// (StatefulShortestPath in the plan) that applies the type and label filters inside the pattern
// while it expands and never goes past the literal 6 hops (the cap that the API also enforces).
// The older allShortestPaths((a)-[*..6]-(b)) with the filters in WHERE fell back to an
// exhaustive variable-length expansion when no path passed them: 6.6 million db hits for
// life-science-health to firs-ls-agenda over INCUBATES, against 52 here
// (test/integration/boundedSearches.test.ts). $maxHops filters after the search: the shortest
// paths all have one length, so either they are all within it or none is.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)(()-[r]-(:Entity) WHERE $types IS NULL OR type(r) IN $types){1,6}(b)
WITH p
WHERE length(p) <= $maxHops
LIMIT toInteger($limit)
RETURN
  [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
  [r IN relationships(p) | { type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id }] AS hops
