// Where an entity and its outgoing relationships came from ('seed' or 'api'), for the mutation tests.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]->(:Entity)
RETURN n.origin AS origin, collect(r.origin) AS relationshipOrigins
