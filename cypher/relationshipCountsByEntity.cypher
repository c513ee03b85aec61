// How many relationships (of $types, in $direction, of $bases) each entity has, for
// RelationshipConnection.totalCount, many entities at once.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(r) = n))
    AND ($bases IS NULL OR coalesce(r.basis, 'STATED') IN $bases)
} AS count
