// Full-text search over names, aliases and descriptions (the hits: fragments/searchHits),
// ordered by score, then id; keyset after ($fromScore, $fromId).
// @include searchHits
RETURN node { .*, label: [l IN labels(node) WHERE l <> 'Entity'][0] } AS entity, score
ORDER BY score DESC, node.id
LIMIT toInteger($limit)
