// What the workloads ask about, chosen from the loaded graph: the actor with the most members
// (the hub of workload 1), the actor at position $deepOffset in name order (the keyset position
// "after $deepOffset items" of workload 3), the leaf theme most actors relate to by the types of
// the ActorFilter, and the leaf region most actors are located in (workload 4); the theme also
// serves workload 6 (supporters). Workload 7 (paths): from the deep actor to the actor, among
// the first 30 others by id, whose shortest paths (at most 4 hops, entities only, as
// cypher/shortestPaths.cypher walks them) are longest, as long as there are at most 100 of them,
// so that a request for the first 100 returns them all whatever order they come in. Workload 8
// (neighbourhood, depth 2 through $neighbourhoodTypes): among the first 300 actors by id that are
// partners in an initiative, the one with the most entities within two hops, up to
// $neighbourhoodFirst, so that the neighbourhood is whole (not truncated) and its answer does
// not depend on how ties in name order are broken.
CALL () {
  MATCH (hub:Actor)
  WITH hub, COUNT { (hub)<-[:MEMBER_OF]-(:Entity) } AS members
  ORDER BY members DESC, hub.id
  LIMIT 1
  RETURN hub.id AS hubId, members AS hubMembers
}
CALL () {
  MATCH (n:Actor)
  WHERE n.sortKey >= '' AND n.id IS NOT NULL
  WITH n
  ORDER BY n.sortKey, n.id
  SKIP toInteger($deepOffset) - 1
  LIMIT 1
  RETURN n.sortKey AS deepSortKey, n.id AS deepId
}
CALL () {
  MATCH (t:Theme)
  WHERE NOT EXISTS { (t)<-[:SUBTHEME_OF]-(:Theme) }
  WITH t, COUNT { (t)<-[:FOCUSES_ON|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES]-(:Actor) } AS actors
  ORDER BY actors DESC, t.id
  LIMIT 1
  RETURN t.id AS themeId
}
CALL () {
  MATCH (r:Region)
  WHERE NOT EXISTS { (r)<-[:PART_OF]-(:Region) }
  WITH r, COUNT { (r)<-[:LOCATED_IN]-(:Actor) } AS actors
  ORDER BY actors DESC, r.id
  LIMIT 1
  RETURN r.id AS regionId
}
CALL (deepId) {
  MATCH (a:Actor {id: deepId})
  MATCH (b:Actor)
  WHERE b.id <> deepId
  WITH a, b
  ORDER BY b.id
  LIMIT 30
  MATCH p = allShortestPaths((a)-[*..4]-(b))
  WHERE all(n IN nodes(p) WHERE n:Entity)
  WITH b, length(p) AS hops, count(p) AS paths
  WHERE paths <= 100
  RETURN b.id AS pathToId, hops AS pathHops
  ORDER BY hops DESC, paths, b.id
  LIMIT 1
}
CALL () {
  MATCH (c:Actor)
  WHERE EXISTS { (c)-[:PARTNER_IN]->(:Initiative) }
  WITH c
  ORDER BY c.id
  LIMIT 300
  WITH c, COLLECT {
    MATCH (c)-[rs*1..2]-(n:Entity)
    WHERE n <> c AND all(r IN rs WHERE type(r) IN $neighbourhoodTypes)
    RETURN DISTINCT n.id
  } AS reach
  WHERE size(reach) <= $neighbourhoodFirst
  RETURN c.id AS centreId, size(reach) AS centreReach
  ORDER BY centreReach DESC, centreId
  LIMIT 1
}
RETURN hubId, hubMembers, deepSortKey, deepId, themeId, regionId, pathToId, pathHops, centreId, centreReach
