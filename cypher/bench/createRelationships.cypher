// Creates a batch of synthetic relationships with the properties of curated ones (key, role,
// amount, validFrom, provenance, origin). `r.type` comes from RELATIONSHIP_TYPES.
UNWIND $relationships AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[rel:$(r.type)]->(b)
SET rel = r.props
