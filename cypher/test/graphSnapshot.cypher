// Every node and relationship with its labels/type and properties, for a content checksum of the
// whole graph (test/graphFingerprint.ts): tests compare it before and after an operation.
CALL () {
  MATCH (n)
  RETURN collect({ labels: labels(n), props: properties(n) }) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect({ type: type(r), from: coalesce(a.id, elementId(a)), to: coalesce(b.id, elementId(b)), props: properties(r) }) AS relationships
}
RETURN nodes, relationships
