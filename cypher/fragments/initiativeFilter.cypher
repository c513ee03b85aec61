// Shared by initiativesPage and initiativesCount. $kinds: initiative kinds or null. $funderIds:
// ids of funders or null; an initiative qualifies when it is funded (FUNDS) by one of them, by
// an entity that is part of one of them (PART_OF, up to three steps: a fund of a programme of
// the EU), or by an entity that one of them operates, owns or funds (up to two steps).
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($funderIds IS NULL OR EXISTS {
    MATCH (f:Entity)-[:FUNDS]->(n)
    WHERE f.id IN $funderIds
      OR EXISTS { MATCH (f)-[:PART_OF*1..3]->(t:Entity) WHERE t.id IN $funderIds }
      OR EXISTS { MATCH (t:Entity)-[:OPERATES|OWNS|FUNDS*1..2]->(f) WHERE t.id IN $funderIds }
  })
