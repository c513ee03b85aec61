// Workload 4 by hand, in one query: actors related to one of the themes $themeIds (by the types
// of the API's ActorFilter) and located in one of the regions $regionIds, the first page in name
// order and how many there are. It starts from the themes, the selective end.
MATCH (t:Entity:Theme)
WHERE t.id IN $themeIds
MATCH (t)<-[:FOCUSES_ON|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]-(n:Actor)
WHERE EXISTS { MATCH (n)-[:LOCATED_IN]->(r:Region) WHERE r.id IN $regionIds }
WITH DISTINCT n
ORDER BY n.sortKey, n.id
WITH collect(n {.id, .name}) AS actors
RETURN size(actors) AS total, actors[0..toInteger($limit)] AS page
