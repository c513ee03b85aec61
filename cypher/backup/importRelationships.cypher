// Creates a batch of exported relationships between nodes that importNodes created in the same
// transaction (their new element ids in r.from and r.to). The type is a parameter ($(…)).
UNWIND $relationships AS r
MATCH (a) WHERE elementId(a) = r.from
MATCH (b) WHERE elementId(b) = r.to
CREATE (a)-[x:$(r.type)]->(b)
SET x = r.props
RETURN count(x) AS created
