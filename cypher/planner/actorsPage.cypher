// A planned statement's root for `actors` read forward in name order (src/planner/): the page of
// $limit actors (the page size plus one) after ($fromKey, $fromId) with the ActorFilter, read as
// cypher/actorsPage.cypher reads it, one row per actor as `n`, with its `position` in the page,
// `node` (its selected properties, $nodeProps) and `extra` (what the edge carries besides: nothing).
// @include actorsAfter
WITH n
ORDER BY n.sortKey, n.id
LIMIT toInteger($limit)
WITH collect(n) AS ns
UNWIND range(0, size(ns) - 1) AS position
WITH ns[position] AS n, position, {} AS extra
WITH n, position, extra, {label: 'Actor', values: [k IN $nodeProps | n[k]]} AS node
