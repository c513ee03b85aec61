// A nested relationship connection of a planned statement (src/planner/): the first page of `n`'s
// relationships as cypher/relationshipsByEntity.cypher reads it (same rows, same order), as the
// list `__slot__`. src/planner/compose.ts writes it once per planned field: `__slot__` is the
// field's slot (s0, s1, s0_0, ...), whose parameter holds its bases, labels, limit (the page size
// plus one) and the property names to read (relProps, nodeProps: from the planner's allow-list);
// `__pattern__` is `(n)-[r]-(m:Entity)` with the field's types and direction, taken from the
// schema's RelationshipType and Direction enums, so that Neo4j expands only those relationships;
// and the line after LIMIT reads the connections selected on each `m` (compose.ts: a CALL (m)
// that binds `nestedSlots` and `nestedCounts`, or empty lists when none is).
CALL (n) {
  MATCH __pattern__
  WHERE ($__slot__.bases IS NULL OR coalesce(r.basis, 'STATED') IN $__slot__.bases)
    AND ($__slot__.labels IS NULL OR any(l IN labels(m) WHERE l IN $__slot__.labels))
  WITH r, m
  ORDER BY type(r), m.sortKey, m.id, r.key
  LIMIT toInteger($__slot__.limit)
  __nested__
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END,
    props: [k IN $__slot__.relProps | r[k]],
    node: {label: [l IN labels(m) WHERE l <> 'Entity'][0], values: [k IN $__slot__.nodeProps | m[k]]},
    slots: nestedSlots,
    counts: nestedCounts
  }) AS __slot__
}
