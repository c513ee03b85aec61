// Workload 2 by hand, in one query: the first $actors actors in name order, each with its themes
// (FOCUSES_ON) and the initiatives it is a partner in (PARTNER_IN), each initiative with the
// strategies it aligns with (ALIGNS_WITH); $per items per list, in name order.
// (The predicates on sortKey and id let the planner read the actor_sort_key index in order.)
MATCH (a:Actor)
WHERE a.sortKey >= '' AND a.id IS NOT NULL
WITH a
ORDER BY a.sortKey, a.id
LIMIT toInteger($actors)
CALL (a) {
  OPTIONAL MATCH (a)-[:FOCUSES_ON]->(t:Entity)
  WITH t
  ORDER BY t.sortKey, t.id
  LIMIT toInteger($per)
  RETURN collect(t {.id, .name}) AS themes
}
CALL (a) {
  OPTIONAL MATCH (a)-[:PARTNER_IN]->(i:Entity)
  WITH i
  ORDER BY i.sortKey, i.id
  LIMIT toInteger($per)
  CALL (i) {
    OPTIONAL MATCH (i)-[:ALIGNS_WITH]->(s:Entity)
    WITH s
    ORDER BY s.sortKey, s.id
    LIMIT toInteger($per)
    RETURN collect(s {.id, .name}) AS strategies
  }
  RETURN collect(i {.id, .name, strategies: strategies}) AS initiatives
}
RETURN a.id AS id, a.name AS name, themes, initiatives
ORDER BY a.sortKey, a.id
