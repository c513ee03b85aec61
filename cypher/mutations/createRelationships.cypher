// Creates relationships from the seed loader's write parameters (origin 'api'). Each end must
// exist, the far end with r.toLabel when that is set; the caller compares the rows returned with
// what it asked for and fails the transaction on a missing end. `r.type` was checked against
// RELATIONSHIP_TYPES (src/seed/model.ts) before this runs.
UNWIND $relationships AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
WHERE r.toLabel IS NULL OR r.toLabel IN labels(b)
CREATE (a)-[rel:$(r.type)]->(b)
SET rel = r.props
RETURN r.from AS from, r.to AS to, properties(rel) AS props,
  b { .*, label: [l IN labels(b) WHERE l <> 'Entity'][0] } AS node
