// Both ends of a relationship and the relationship itself (by type and key), read inside the
// write's transaction: each is null when it does not exist.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
OPTIONAL MATCH (a)-[r {key: $key}]->(b) WHERE type(r) = $type
RETURN
  CASE WHEN a IS NULL THEN null ELSE a { .*, label: [l IN labels(a) WHERE l <> 'Entity'][0] } END AS from,
  CASE WHEN b IS NULL THEN null ELSE b { .*, label: [l IN labels(b) WHERE l <> 'Entity'][0] } END AS to,
  CASE WHEN r IS NULL THEN null ELSE properties(r) END AS relationship
LIMIT 1
