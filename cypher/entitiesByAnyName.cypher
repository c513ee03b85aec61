// Resolves names to entities of any kind (slug, name, English name or alias, folded): every
// entity that a name matches, for filters such as initiatives(fundedBy).
UNWIND $names AS name
OPTIONAL MATCH (n:Entity)
WHERE name.folded IN n.matchKeys
RETURN name.given AS given, collect(n.id) AS ids
