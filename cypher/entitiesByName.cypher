// Resolves names to entities of one label: a name matches an entity's slug, name, English name or
// an alias, compared case- and diacritic-folded (matchKeys is written by the seed loader).
// Returns each entity with the ids of its descendants (sub-themes, sub-regions) included.
UNWIND $names AS name
OPTIONAL MATCH (n:$($label))
WHERE name.folded IN n.matchKeys
OPTIONAL MATCH (d:$($label))-[:SUBTHEME_OF|PART_OF*0..5]->(n)
WITH name, n, collect(DISTINCT d.id) AS descendantIds
RETURN name.given AS given, n { .*, label: $label } AS entity, descendantIds
