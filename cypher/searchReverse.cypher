// Search read backward (last/before): as search.cypher, in the reverse of its order (score
// ascending, then id descending), before the keyset position ($fromScore, $fromId), or from the
// lowest-ranked match when $fromId is null; src/queries/connections.ts puts the page back in rank
// order.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND ($fromId IS NULL OR score > $fromScore OR (score = $fromScore AND node.id < $fromId))
RETURN node { .*, label: [l IN labels(node) WHERE l <> 'Entity'][0] } AS entity, score
ORDER BY score, node.id DESC
LIMIT toInteger($limit)
