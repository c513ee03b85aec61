// Workload 9 by hand, in one query: the first $actors actors in name order, each with the
// regions it is located in (LOCATED_IN, first $regions) and the initiatives it is a partner in
// (PARTNER_IN, first $per), in name order: what the typed fields `locatedIn` and `partnerIn` read.
MATCH (a:Actor)
WHERE a.sortKey >= '' AND a.id IS NOT NULL
WITH a
ORDER BY a.sortKey, a.id
LIMIT toInteger($actors)
CALL (a) {
  OPTIONAL MATCH (a)-[:LOCATED_IN]->(r:Entity)
  WITH r
  ORDER BY r.sortKey, r.id
  LIMIT toInteger($regions)
  RETURN collect(r {.id, .name}) AS regions
}
CALL (a) {
  OPTIONAL MATCH (a)-[:PARTNER_IN]->(i:Entity)
  WITH i
  ORDER BY i.sortKey, i.id
  LIMIT toInteger($per)
  RETURN collect(i {.id, .name}) AS initiatives
}
RETURN a.id AS id, a.name AS name, regions, initiatives
ORDER BY a.sortKey, a.id
