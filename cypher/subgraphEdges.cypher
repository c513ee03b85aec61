// The edges of Query.graph and the exports (src/queries/subgraph.ts): every relationship of
// $types (always a list, from the RelationshipType allow-list) and of $bases (null: all) between
// two of the entities $ids.
// Curated relationships are identified by their key (from|TYPE|to|role), anything else by its
// element id. $limit: one more than the caller accepts.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
  AND ($bases IS NULL OR coalesce(r.basis, 'STATED') IN $bases)
RETURN coalesce(r.key, elementId(r)) AS id, a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props
ORDER BY a.sortKey, type, b.sortKey, id
LIMIT toInteger($limit)
