// Every citation in the graph (on nodes, figures and relationships), for the provenance test.
CALL () {
  MATCH (n)
  WHERE (n:Entity OR n:Figure) AND n.sourceDocs IS NOT NULL
  RETURN n.id AS fact, n.sourceDocs AS docs, n.quotes AS quotes
  UNION ALL
  MATCH ()-[r]->()
  WHERE r.sourceDocs IS NOT NULL
  RETURN r.key AS fact, r.sourceDocs AS docs, r.quotes AS quotes
}
RETURN fact, docs, quotes
