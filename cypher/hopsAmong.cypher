// The relationships among a set of entities (of $types, all when null), with the ids of both
// ends, for Query.neighbourhood (which has loaded the entities already: returning them here again
// cost about 24,000 db hits of property reads at depth 3 from the biggest hub).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN type(r) AS type, properties(r) AS props, a.id AS from, b.id AS to
ORDER BY type, a.sortKey, b.sortKey
