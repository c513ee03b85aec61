// Figures per basis, for the data report.
MATCH (f:Figure)
RETURN coalesce(f.basis, '') AS basis, count(*) AS count
ORDER BY basis
