// Creates one entity from the seed loader's own write parameters (src/seed/writeSeed.ts,
// toWriteParams with origin 'api'). $label comes from the allow-list of writable labels in
// src/mutations/entityWrites.ts, never from input. CREATE, not MERGE: the caller checked that the
// id is free, and the entity_id_unique constraint refuses a concurrent twin.
CREATE (n:Entity)
SET n = $props, n:$($label)
RETURN n { .*, label: $label } AS entity
