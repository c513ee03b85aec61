// What the graph says of (subject)-[type]->(object): the relationships that state it, and those
// of $negatedType that state the opposite (null when the type has no negated form).
// COLLABORATES_WITH is symmetric: either direction counts.
MATCH (a:Entity {id: $subject}), (b:Entity {id: $object})
OPTIONAL MATCH (a)-[yes]-(b)
WHERE type(yes) = $type AND (startNode(yes) = a OR $symmetric)
OPTIONAL MATCH (a)-[no]->(b)
WHERE $negatedType IS NOT NULL AND type(no) = $negatedType
RETURN
  a { .*, label: [l IN labels(a) WHERE l <> 'Entity'][0] } AS subject,
  b { .*, label: [l IN labels(b) WHERE l <> 'Entity'][0] } AS object,
  collect(DISTINCT yes { .sourceDocs, .quotes }) AS stated,
  collect(DISTINCT no { .sourceDocs, .quotes }) AS denied
