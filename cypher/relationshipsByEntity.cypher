// A page of the relationships of many entities at once, for the relationshipsByEntity loader:
// filtered by type, direction, basis and the other end's labels ($labels, or null for any),
// ordered by (type, other end's sortKey, other end's id, key), after the keyset position $from (a list of those four values, or null), $limit per entity.
// Only the properties a selection reads: the values of $relProps and $nodeProps, in their order
// (names from src/planner/projection.ts).
// Figures (HAS_FIGURE) are not entities and are left out by `m:Entity`.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(r) = n))
    AND ($bases IS NULL OR coalesce(r.basis, 'STATED') IN $bases)
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($from IS NULL OR [type(r), m.sortKey, m.id, r.key] > $from)
  RETURN r, m
  ORDER BY type(r), m.sortKey, m.id, r.key
  LIMIT toInteger($limit)
}
RETURN id, collect({
  type: type(r),
  direction: CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END,
  props: [k IN $relProps | r[k]],
  node: {label: [l IN labels(m) WHERE l <> 'Entity'][0], values: [k IN $nodeProps | m[k]]}
}) AS relationships
