// Creates or replaces the Source nodes (the documents that facts cite).
UNWIND $sources AS s
MERGE (n:Source {id: s.id})
SET n = s
