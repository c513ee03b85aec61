// How many curated entities the graph holds (a quick query that needs the database).
MATCH (n:Entity)
RETURN count(n) AS entities
