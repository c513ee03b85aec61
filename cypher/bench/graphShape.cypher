// The shape of the loaded synthetic graph, for the report: how many nodes and relationships, and
// the degree distribution of actors (a power law shows as a p99 and a max far above the median).
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships
}
CALL () {
  MATCH (n:Actor)
  WITH COUNT { (n)--(:Entity) } AS degree
  RETURN count(*) AS actors, avg(degree) AS meanDegree, percentileDisc(degree, 0.5) AS medianDegree,
         percentileDisc(degree, 0.99) AS p99Degree, max(degree) AS maxDegree
}
RETURN entities, relationships, actors, meanDegree, medianDegree, p99Degree, maxDegree
