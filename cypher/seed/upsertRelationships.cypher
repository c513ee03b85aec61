// Creates or replaces curated relationships, identified by their key (from|type|to|role).
// `r.type` was checked against RELATIONSHIP_TYPES in src/seed/model.ts before this runs.
UNWIND $relationships AS r
MATCH (a:Entity {id: r.from}), (b:Entity {id: r.to})
MERGE (a)-[rel:$(r.type) {key: r.props.key}]->(b)
SET rel = r.props
