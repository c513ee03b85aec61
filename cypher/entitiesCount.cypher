// The number of entities of one label, for totalCount.
MATCH (n:$($label))
RETURN count(n) AS count
