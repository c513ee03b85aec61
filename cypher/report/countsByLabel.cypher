// Entities per label and kind, for the data report.
MATCH (n:Entity)
WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.kind AS kind
RETURN label, kind, count(*) AS count
ORDER BY label, kind
