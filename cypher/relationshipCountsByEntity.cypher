// How many relationships (of $types, in $direction, of $bases, to ends with one of $labels) each entity has, for
// RelationshipConnection.totalCount, many entities at once.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(r) = n))
    AND ($bases IS NULL OR coalesce(r.basis, 'STATED') IN $bases)
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
} AS count
