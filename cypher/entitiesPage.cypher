// One page of entities of one label ($label comes from an allow-list in src/queries/entitiesPage.ts)
// in (sortKey, id) order after ($fromKey, $fromId).
MATCH (n:$($label))
WHERE n.sortKey >= $fromKey AND (n.sortKey > $fromKey OR n.id > $fromId)
RETURN n { .*, label: $label } AS entity
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
