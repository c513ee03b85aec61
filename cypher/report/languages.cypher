// How many facts each source document backs (citations on nodes, relationships and figures).
MATCH (s:Source)
RETURN s.id AS source, s.language AS language,
  COUNT { MATCH (n) WHERE (n:Entity OR n:Figure) AND s.id IN n.sourceDocs } AS nodeCitations,
  COUNT { MATCH ()-[r]->() WHERE s.id IN r.sourceDocs } AS relationshipCitations
ORDER BY source
