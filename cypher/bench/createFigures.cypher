// Creates a batch of synthetic figures and joins each to its entity, as seed/upsertFigures does.
UNWIND $figures AS f
MATCH (subject:Entity {id: f.subject})
CREATE (subject)-[:HAS_FIGURE {key: f.key, origin: f.props.origin}]->(n:Figure)
SET n = f.props
