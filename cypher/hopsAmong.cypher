// The relationships among a set of entities (of $types, all when null), with both ends, for
// Query.neighbourhood.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN type(r) AS type, properties(r) AS props,
  a { .*, label: [l IN labels(a) WHERE l <> 'Entity'][0] } AS from,
  b { .*, label: [l IN labels(b) WHERE l <> 'Entity'][0] } AS to
ORDER BY type, a.sortKey, b.sortKey
