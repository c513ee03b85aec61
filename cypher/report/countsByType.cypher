// Relationships per type and basis (STATED, IMPLIED, INFERRED; derived ones apart), for the data
// report. HAS_FIGURE joins a figure to its entity: counted by type, its basis is the figure's.
MATCH ()-[r]->()
RETURN type(r) AS type, coalesce(r.basis, '') AS basis, coalesce(r.derived, false) AS derived, count(*) AS count
ORDER BY type, basis, derived
