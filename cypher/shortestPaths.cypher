// All shortest paths between two entities over entity nodes only (no figures), through
// relationships of the listed types, at most $maxHops long, as lists of nodes and hops.
// src/queries/graphQueries.ts writes the pattern's types: those asked for, or every type between
// entities, each one checked against the closed list in src/seed/model.ts (never text from a
// request), so the pattern itself keeps to entities and no predicate is needed.
//
// Bounded by construction: with no WHERE on the path, allShortestPaths is one bidirectional
// breadth-first search that stops at the literal 6 hops (the cap the API also enforces) and has
// no exhaustive fallback. Two earlier forms cost far more:
// - allShortestPaths((a)-[*..6]-(b)) with the type and label filters in WHERE fell back to an
//   exhaustive expansion when no path passed them: 6,601,230 db hits for life-science-health to
//   firs-ls-agenda over INCUBATES (test/integration/boundedSearches.test.ts);
// - ALL SHORTEST over a quantified path pattern with those filters inside it was bounded too, but
//   slow on large graphs: 3,709 ms p50 at 100,000 synthetic actors, where the benchmark's
//   hand-written allShortestPaths took 22.8 ms (`npm run bench`, w7-paths, 2026-12-02).
// $maxHops filters after the search: the shortest paths all have one length, so either they are
// all within it or none is.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:__types__*1..6]-(b))
WITH p
WHERE length(p) <= $maxHops
LIMIT toInteger($limit)
RETURN
  [n IN nodes(p) | n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
  [r IN relationships(p) | { type: type(r), props: properties(r), from: startNode(r).id, to: endNode(r).id }] AS hops
