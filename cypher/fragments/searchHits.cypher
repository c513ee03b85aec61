// Shared by search and the planned search statement (cypher/planner/searchPage.cypher): the
// full-text hits (index entity_search, analyzer standard-folding) for $lucene as `node` and
// `score`, of the labels $labels (null: any), after the keyset position ($fromScore, $fromId).
// $lucene is built from the user's words by src/queries/search.ts with every Lucene special
// character escaped; $labels comes from an allow-list.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND ($fromId IS NULL OR score < $fromScore OR (score = $fromScore AND node.id > $fromId))
