// What the workloads ask about, chosen from the loaded graph: the actor with the most members
// (the hub of workload 1), the actor at position $deepOffset in name order (the keyset position
// "after $deepOffset items" of workload 3), the leaf theme most actors relate to by the types of
// the ActorFilter, and the leaf region most actors are located in (workload 4).
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
RETURN hubId, hubMembers, deepSortKey, deepId, themeId, regionId
