// Relationships per type, for the data report.
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
