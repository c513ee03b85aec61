// Workload 1 by hand, in one query: an actor, the first page of its members (incoming MEMBER_OF)
// in name order ($limit is the page size plus one, to tell whether more follow), and how many
// members it has.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)<-[r:MEMBER_OF]-(m:Entity)
  WITH r, m
  ORDER BY m.sortKey, m.id, r.key
  LIMIT toInteger($limit)
  RETURN collect({id: m.id, name: m.name, role: r.role}) AS members
}
RETURN n.id AS id, n.name AS name, COUNT { (n)<-[:MEMBER_OF]-(:Entity) } AS total, members
