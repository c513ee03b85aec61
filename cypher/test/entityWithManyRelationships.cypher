// The entity with the most relationships to other entities, at most $max of them (so that one page
// holds them all): the subject of the relationship paging tests.
MATCH (n:Entity)-[r]-(:Entity)
WITH n, count(r) AS count
WHERE count <= $max
RETURN n.id AS id, count
ORDER BY count DESC, n.id
LIMIT 1
