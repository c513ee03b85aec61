// True when the database holds curated data (origin 'seed'): the benchmark then refuses to empty it.
RETURN EXISTS { MATCH (n) WHERE n.origin = 'seed' } AS curated
