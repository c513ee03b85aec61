// Deletes the relationship identified by its ends, type and key.
MATCH (a:Entity {id: $from})-[r {key: $key}]->(b:Entity {id: $to})
WHERE type(r) = $type
DELETE r
RETURN count(*) AS deleted
