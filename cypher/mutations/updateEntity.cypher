// Replaces an entity's properties with the write parameters of its updated record. Its labels
// stay: $label (from the allow-list in src/mutations/entityWrites.ts) only guards that the node is
// the kind of entity the mutation is for.
MATCH (n:Entity {id: $id})
WHERE $label IN labels(n)
SET n = $props
RETURN n { .*, label: $label } AS entity
