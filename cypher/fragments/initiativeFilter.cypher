// Shared by initiativesPage and initiativesCount. $kinds: initiative kinds or null. $funderIds:
// ids of funders or null; an initiative qualifies when money reaches it from one of them: it is
// funded (FUNDS) by one of them or by an entity that is part of one of them (PART_OF, up to three
// steps: a fund of a programme of the EU), or by an entity that such a funder operates, owns or
// funds (up to two steps: the EU's regional fund funds a programme that funds a project).
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($funderIds IS NULL OR EXISTS {
    MATCH (root:Entity)-[:OPERATES|OWNS|FUNDS*0..2]->(:Entity)-[:FUNDS]->(n)
    WHERE root.id IN $funderIds
      OR EXISTS { MATCH (root)-[:PART_OF*1..3]->(t:Entity) WHERE t.id IN $funderIds }
  })
