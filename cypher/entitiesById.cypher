// Entities by seed id, for the entitiesById loader: one row per id that exists.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] } AS entity
