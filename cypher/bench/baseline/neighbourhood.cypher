// Workload 8 by hand, in one query: the entities within two hops of $id through relationships of
// $types, nearest first and in name order within a level (the centre left out), the first $first
// of them (a second level only when the first has at most $first), whether more were within
// reach, and the relationships of $types among the centre and those kept.
MATCH (c:Entity {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[r]-(b:Entity)
  WHERE type(r) IN $types AND b <> c
  WITH DISTINCT b
  ORDER BY b.sortKey
  RETURN collect(b) AS level1
}
CALL (c, level1) {
  UNWIND CASE WHEN size(level1) <= $first THEN level1 ELSE [] END AS b
  MATCH (b)-[r]-(d:Entity)
  WHERE type(r) IN $types AND d <> c AND NOT d IN level1
  WITH DISTINCT d
  ORDER BY d.sortKey
  RETURN collect(d) AS level2
}
WITH c, [n IN level1 | {node: n, distance: 1}] + [n IN level2 | {node: n, distance: 2}] AS reached
WITH c, reached[0..toInteger($first)] AS kept, size(reached) > $first AS truncated
WITH c, kept, truncated, [c.id] + [k IN kept | k.node.id] AS ids
RETURN c.id AS id, truncated,
  [k IN kept | {id: k.node.id, name: k.node.name, distance: k.distance}] AS nodes,
  COLLECT {
    MATCH (a:Entity)-[r]->(b:Entity)
    WHERE a.id IN ids AND b.id IN ids AND type(r) IN $types
    RETURN {type: type(r), from: a.id, to: b.id}
  } AS hops
