// The relationships among a set of entities (of $types, all when null), with the ids of both
// ends, for Query.neighbourhood (which has loaded the entities already: returning them here again
// cost about 24,000 db hits of property reads at depth 3 from the biggest hub).
// The hint pins the plan that seeks one end by id and expands from it (about 9,200 db hits at
// depth 3 from the seed's biggest hub), whatever the statistics say: in one full test run, after
// many reloads of the test graph, the neighbourhood read 62,966 db hits instead of about 17,400.
MATCH (a:Entity)
USING INDEX a:Entity(id)
WHERE a.id IN $ids
MATCH (a)-[r]->(b:Entity)
WHERE b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN type(r) AS type, properties(r) AS props, a.id AS from, b.id AS to
ORDER BY type, a.sortKey, b.sortKey
