// Every relationship of the graph with its type, its ends (by the element ids exportNodes gives,
// read in the same transaction) and its properties, for the online export.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props
