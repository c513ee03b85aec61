// The entities written through the API (origin 'api'), for the curation export
// (src/seed/curationExport.ts): each with its label, by id.
MATCH (n:Entity {origin: 'api'})
RETURN n { .*, label: [l IN labels(n) WHERE l <> 'Entity'][0] } AS entity
ORDER BY n.id
