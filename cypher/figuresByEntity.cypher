// The figures of many entities at once, for the figuresByEntity loader, by metric and date.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[:HAS_FIGURE]->(f:Figure)
WITH id, f
ORDER BY f.metric, f.date, f.id
RETURN id, collect(f { .* }) AS figures
