// Every actor's id in the actors list's order (sortKey, id): what a walk of all pages must give.
MATCH (n:Actor)
RETURN n.id AS id
ORDER BY n.sortKey, n.id
