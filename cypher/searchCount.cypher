// The number of full-text hits for $lucene (and $labels), for SearchConnection.totalCount.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN count(node) AS count
