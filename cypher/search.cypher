// Full-text search (index entity_search, analyzer standard-folding) over names, aliases and
// descriptions. $lucene is built from the user's words by src/queries/search.ts with every Lucene
// special character escaped. $labels optionally limits the entity kinds (from an allow-list).
// Ordered by score, then id; keyset after ($fromScore, $fromId).
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND ($fromId IS NULL OR score < $fromScore OR (score = $fromScore AND node.id > $fromId))
RETURN node { .*, label: [l IN labels(node) WHERE l <> 'Entity'][0] } AS entity, score
ORDER BY score DESC, node.id
LIMIT toInteger($limit)
