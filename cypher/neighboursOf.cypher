// One breadth-first step of Query.neighbourhood: the entities one hop from any of $ids,
// through relationships of $types (all types when null) and of $bases (all when null or absent).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($bases IS NULL OR coalesce(r.basis, 'STATED') IN $bases)
RETURN DISTINCT b.id AS id, b.sortKey AS sortKey
