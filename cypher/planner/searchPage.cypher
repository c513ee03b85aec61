// A planned statement's root for `search` (src/planner/): the best $limit hits (the page size plus
// one), ranked as cypher/search.cypher ranks them, one row per hit as `n`, with its `position` in
// the page, `node` (its selected properties, $nodeProps) and `extra` (the edge's score).
// @include searchHits
WITH node AS n, score
ORDER BY score DESC, n.id
LIMIT toInteger($limit)
WITH collect({n: n, score: score}) AS hits
UNWIND range(0, size(hits) - 1) AS position
WITH hits[position].n AS n, position, {score: hits[position].score} AS extra
WITH n, position, extra, {label: [l IN labels(n) WHERE l <> 'Entity'][0], values: [k IN $nodeProps | n[k]]} AS node
