// Creates or replaces figures and joins each to the entity it is about.
UNWIND $figures AS f
MATCH (subject:Entity {id: f.subject})
MERGE (n:Figure {id: f.props.id})
SET n = f.props
MERGE (subject)-[r:HAS_FIGURE {key: f.key}]->(n)
SET r.origin = 'seed'
