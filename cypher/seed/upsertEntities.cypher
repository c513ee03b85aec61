// Creates or replaces curated entities. `e.label` comes from the allow-list in src/seed/model.ts
// (ENTITY_COLLECTIONS), never from a seed file's text; a kind that changed loses its old label.
UNWIND $entities AS e
MERGE (n:Entity {id: e.props.id})
SET n = e.props
REMOVE n:Region:Stage:Theme:Actor:Initiative:Strategy:Priority
SET n:$(e.label)
