// One breadth-first step of Query.neighbourhood: the entities one hop from any of $ids,
// through relationships of $types (all types when null).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE $types IS NULL OR type(r) IN $types
RETURN DISTINCT b.id AS id, b.sortKey AS sortKey
