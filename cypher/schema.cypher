// Constraints and indexes, applied on every start and in test setup. Named and idempotent.

// Every curated node has a stable id (its seed slug); MERGE relies on these.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id_unique IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;

// Keyset pagination walks (sortKey, id) in order: an index makes page 500 as cheap as page 1.
CREATE INDEX entity_sort_key IF NOT EXISTS FOR (n:Entity) ON (n.sortKey, n.id);
CREATE INDEX actor_sort_key IF NOT EXISTS FOR (n:Actor) ON (n.sortKey, n.id);
CREATE INDEX initiative_sort_key IF NOT EXISTS FOR (n:Initiative) ON (n.sortKey, n.id);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);

// Full-text search over names, aliases and descriptions; standard-folding folds case and
// diacritics, so "Skane" finds "Skåne".
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliasText, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };

// The audit trail of curated writes (src/mutations): each event has a unique id, and the trail is
// read newest first by (at, id).
CREATE CONSTRAINT audit_event_id_unique IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at, n.id);
