// Empties the graph inside a restore's write transaction, so that the import that follows in the
// same transaction replaces it: if the import fails, the rollback leaves the old graph. Constraints
// and indexes stay (they are schema, not data).
MATCH (n)
DETACH DELETE n
RETURN count(n) AS deleted
