// The relationships between entities written through the API (origin 'api'), for the curation
// export, with their ends' ids and type, in key order.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.origin = 'api'
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY r.key
