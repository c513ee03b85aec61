// Every node and relationship with its labels/type, its properties and each property's Neo4j
// type (an integer and a float of one value differ, so do a datetime and its text), for a content
// fingerprint of the whole graph (src/backup/graphFingerprint.ts): backups print it, restores
// and tests compare it before and after an operation.
CALL () {
  MATCH (n)
  RETURN collect({
    labels: labels(n),
    props: properties(n),
    types: [k IN keys(n) | k + ': ' + valueType(n[k])]
  }) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect({
    type: type(r),
    from: coalesce(a.id, elementId(a)),
    to: coalesce(b.id, elementId(b)),
    props: properties(r),
    types: [k IN keys(r) | k + ': ' + valueType(r[k])]
  }) AS relationships
}
RETURN nodes, relationships
