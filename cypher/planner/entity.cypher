// A planned statement's root for `actor(id)` and `entity(ref)` (src/planner/): the entity $id as
// `n`, and as `node` its label and the values of the properties the selection needs ($nodeProps,
// names from the planner's allow-list), in that order. No row when no entity has the id.
MATCH (n:Entity {id: $id})
WITH n, {label: [l IN labels(n) WHERE l <> 'Entity'][0], values: [k IN $nodeProps | n[k]]} AS node
