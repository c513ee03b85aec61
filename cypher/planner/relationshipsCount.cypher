// The number of relationships of a nested connection of a planned statement, when its totalCount
// is selected, as `__slot__Count`: counted as cypher/relationshipCountsByEntity.cypher counts,
// from `n` over the field's pattern only (`__slot__` and `__pattern__` as in relationships.cypher).
CALL (n) {
  RETURN COUNT {
    MATCH __pattern__
    WHERE ($__slot__.bases IS NULL OR coalesce(r.basis, 'STATED') IN $__slot__.bases)
      AND ($__slot__.labels IS NULL OR any(l IN labels(m) WHERE l IN $__slot__.labels))
  } AS __slot__Count
}
