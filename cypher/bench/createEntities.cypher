// Creates a batch of synthetic entities with exactly the properties of curated ones (made by the
// seed loader's toWriteParams). CREATE, not MERGE: the database was emptied first, and CREATE
// loads 100k actors several times faster. `e.label` comes from ENTITY_COLLECTIONS.
UNWIND $entities AS e
CREATE (n:Entity)
SET n = e.props, n:$(e.label)
