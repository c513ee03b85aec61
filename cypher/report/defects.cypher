// The defects that must be zero, for the data report. Each row names the defect and the
// offending items (ids or keys), at most 20 each. The aggregation comes first in each branch so
// that a defect with no items still gives its row (a literal grouping key would give none).
CALL () {
  MATCH (n)
  WHERE (n:Entity OR n:Figure) AND size(coalesce(n.sourceDocs, [])) = 0
  WITH collect(n.id) AS items
  RETURN 'entities or figures without a source' AS defect, items
  UNION ALL
  MATCH ()-[r]->()
  WHERE type(r) <> 'HAS_FIGURE' AND size(coalesce(r.sourceDocs, [])) = 0
  WITH collect(coalesce(r.key, elementId(r))) AS items
  RETURN 'relationships without a source' AS defect, items
  UNION ALL
  MATCH (n)
  WHERE (n:Entity OR n:Figure) AND size(coalesce(n.sourceDocs, [])) <> size(coalesce(n.quotes, []))
  WITH collect(n.id) AS items
  RETURN 'entities or figures whose sources and quotes do not pair up' AS defect, items
  UNION ALL
  MATCH (n)
  WHERE n:Entity OR n:Figure
  UNWIND n.sourceDocs AS doc
  WITH n, doc WHERE NOT doc =~ 'https?://.*' AND NOT EXISTS { MATCH (:Source {id: doc}) }
  WITH collect(DISTINCT n.id + ' -> ' + doc) AS items
  RETURN 'citations of a missing source document (nodes)' AS defect, items
  UNION ALL
  MATCH ()-[r]->()
  UNWIND coalesce(r.sourceDocs, []) AS doc
  WITH r, doc WHERE NOT doc =~ 'https?://.*' AND NOT EXISTS { MATCH (:Source {id: doc}) }
  WITH collect(DISTINCT r.key + ' -> ' + doc) AS items
  RETURN 'citations of a missing source document (relationships)' AS defect, items
  UNION ALL
  MATCH (a)-[r]->(b)
  WHERE type(r) <> 'HAS_FIGURE' AND NOT (a:Entity AND b:Entity)
  WITH collect(coalesce(r.key, elementId(r))) AS items
  RETURN 'dangling relationships (an end is not an entity)' AS defect, items
  UNION ALL
  MATCH (f:Figure)
  WHERE NOT EXISTS { MATCH (:Entity)-[:HAS_FIGURE]->(f) }
  WITH collect(f.id) AS items
  RETURN 'figures about no entity' AS defect, items
  UNION ALL
  MATCH (n:Entity)
  WHERE n.nameEn IS NULL OR trim(n.nameEn) = ''
  WITH collect(n.id) AS items
  RETURN 'entities without an English name' AS defect, items
  UNION ALL
  MATCH (n:Entity)
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.sortKey AS name, collect(n.id) AS ids
  WHERE size(ids) > 1
  WITH collect(label + ' "' + name + '": ' + reduce(s = '', id IN ids | s + ' ' + id)) AS items
  RETURN 'duplicate names (same kind of entity)' AS defect, items
  UNION ALL
  // An alias must name its entity and only it: "AI" on two themes sends a search to both.
  MATCH (n:Entity)
  UNWIND coalesce(n.aliasKeys, []) AS key
  MATCH (m:Entity) WHERE m <> n AND key IN m.matchKeys
  WITH collect(DISTINCT '"' + key + '": ' + n.id + ' and ' + m.id) AS items
  RETURN 'aliases that name another entity too' AS defect, items
  UNION ALL
  MATCH ()-[r]->()
  WHERE type(r) <> 'HAS_FIGURE' AND NOT coalesce(r.basis, '') IN ['STATED', 'IMPLIED', 'INFERRED']
  WITH collect(coalesce(r.key, elementId(r))) AS items
  RETURN 'relationships without a basis' AS defect, items
  UNION ALL
  MATCH (f:Figure)
  WHERE NOT coalesce(f.basis, '') IN ['STATED', 'IMPLIED', 'INFERRED']
  WITH collect(f.id) AS items
  RETURN 'figures without a basis' AS defect, items
  UNION ALL
  CALL () {
    MATCH ()-[r]->() WHERE r.basis = 'INFERRED' AND (r.basisNote IS NULL OR trim(r.basisNote) = '')
    RETURN coalesce(r.key, elementId(r)) AS item
    UNION ALL
    MATCH (f:Figure) WHERE f.basis = 'INFERRED' AND (f.basisNote IS NULL OR trim(f.basisNote) = '')
    RETURN f.id AS item
  }
  WITH collect(item) AS items
  RETURN 'INFERRED facts that do not say why (no basisNote)' AS defect, items
}
RETURN defect, size(items) AS count, items[0..20] AS examples
