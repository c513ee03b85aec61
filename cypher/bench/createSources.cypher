// Creates the synthetic Source nodes, with the properties the seed loader writes.
UNWIND $sources AS s
CREATE (n:Source)
SET n = s
