// After a reload, removes what came from seed/ earlier and is no longer there. Nodes and
// relationships that did not come from seed/ (origin <> 'seed') are left alone.
CALL () {
  MATCH ()-[r]->()
  WHERE r.origin = 'seed' AND NOT r.key IN $relationshipKeys
  DELETE r
  RETURN count(r) AS deletedRelationships
}
CALL () {
  MATCH (n)
  WHERE (n:Entity OR n:Source OR n:Figure) AND n.origin = 'seed' AND NOT n.id IN $nodeIds
  DETACH DELETE n
  RETURN count(n) AS deletedNodes
}
RETURN deletedRelationships, deletedNodes
