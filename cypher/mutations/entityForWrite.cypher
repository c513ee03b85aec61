// The entity a write is about, read inside the write's transaction: null when no entity has the id.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN CASE WHEN n IS NULL THEN null ELSE n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] } END AS entity
