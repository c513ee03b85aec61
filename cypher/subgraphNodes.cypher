// The nodes of Query.graph and the exports (src/queries/subgraph.ts), in name order.
// $ids: the entities within reach of `around` (null: no such restriction). $nodeKinds: upper-case
// GraphNodeKinds, an actor's kind or the entity's label (null: any). $namedIds: the themes, regions
// and stages the filter names, with their descendants: they belong to the graph as well. The rest
// is the ActorFilter (cypher/fragments/actorFilter.cypher) applied to every entity; its $kinds is
// always null here, because an initiative's kind ("network") is not an actor's kind.
// $limit: one more than the caller accepts, so that it can tell when the graph is too large.
MATCH (n:Entity)
WHERE $ids IS NULL OR n.id IN $ids
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
WITH n, label, CASE WHEN label = 'Actor' THEN toUpper(n.kind) ELSE toUpper(label) END AS kind
WHERE ($nodeKinds IS NULL OR kind IN $nodeKinds)
  AND (n.id IN $namedIds OR (true
// @include actorFilter
  ))
RETURN n { .*, label: label } AS entity, kind,
  COLLECT {
    MATCH (n)-[:FOCUSES_ON|SUPPORTS|FUNDS|INVESTS_IN|INCUBATES|ADVISES|PROVIDES_INFRASTRUCTURE|CREATES_BUSINESS_OPPORTUNITIES]->(t:Theme)
    RETURN DISTINCT t.nameEn AS name ORDER BY name
  } AS themes,
  COLLECT {
    MATCH (n)-[:LOCATED_IN]->(r:Region)
    RETURN DISTINCT r.nameEn AS name ORDER BY name
  } AS regions
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
