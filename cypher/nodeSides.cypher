// The country anchors each entity reaches (src/queries/nodeSides.ts, src/network/sides.ts): the
// regions in $anchors (always the fixed list SIDE_ANCHORS) that it is LOCATED_IN, directly or up
// the regions' PART_OF; an organisation also through the one it is PART_OF, and a region through
// its own PART_OF (a region is where it lies). $ids: entity slugs. Bounded at six hops: the
// region hierarchy is four deep.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id,
  COLLECT {
    MATCH (n)-[:LOCATED_IN|PART_OF*0..6]->(r:Region)
    WHERE r.id IN $anchors
    RETURN DISTINCT r.id
  } AS anchors
