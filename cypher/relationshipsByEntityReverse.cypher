// Relationships read backward (last/before), for the relationshipsByEntity loader: as
// relationshipsByEntity.cypher, in the reverse of its order, before the keyset position $from
// (a list of the four sort values, or null for the end), $limit per entity;
// src/queries/connections.ts puts each page back in order. Only the properties a selection reads
// ($relProps, $nodeProps), as relationshipsByEntity.cypher.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(r) = n))
    AND ($bases IS NULL OR coalesce(r.basis, 'STATED') IN $bases)
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($from IS NULL OR [type(r), m.sortKey, m.id, r.key] < $from)
  RETURN r, m
  ORDER BY type(r) DESC, m.sortKey DESC, m.id DESC, r.key DESC
  LIMIT toInteger($limit)
}
RETURN id, collect({
  type: type(r),
  direction: CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END,
  props: [k IN $relProps | r[k]],
  node: {label: [l IN labels(m) WHERE l <> 'Entity'][0], values: [k IN $nodeProps | m[k]]}
}) AS relationships
