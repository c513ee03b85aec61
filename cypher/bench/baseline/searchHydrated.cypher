// Workload 5 by hand, in one query: the best $limit actors for the Lucene query $lucene in the
// entity_search index (score, then id), each with its regions (LOCATED_IN) and themes
// (FOCUSES_ON), $per of each in name order.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE node:Actor
WITH node, score
ORDER BY score DESC, node.id
LIMIT toInteger($limit)
CALL (node) {
  OPTIONAL MATCH (node)-[:LOCATED_IN]->(r:Entity)
  WITH r
  ORDER BY r.sortKey, r.id
  LIMIT toInteger($per)
  RETURN collect(r {.id, .name}) AS regions
}
CALL (node) {
  OPTIONAL MATCH (node)-[:FOCUSES_ON]->(t:Entity)
  WITH t
  ORDER BY t.sortKey, t.id
  LIMIT toInteger($per)
  RETURN collect(t {.id, .name}) AS themes
}
RETURN node.id AS id, node.name AS name, score, regions, themes
ORDER BY score DESC, id
