// For the explorer's large-graph test: the theme with the fewest actors focusing on it among those
// with $min to $max of them, so that a theme filter gives a view the explorer can draw.
MATCH (t:Theme)<-[:FOCUSES_ON]-(a:Actor)
WITH t, count(DISTINCT a) AS actors
WHERE actors >= $min AND actors <= $max
RETURN t.id AS id, actors
ORDER BY actors, id
LIMIT 1
