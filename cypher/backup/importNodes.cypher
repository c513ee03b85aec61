// Creates a batch of exported nodes with their labels and properties, and returns each one's new
// element id by its export key, so that importRelationships can join the relationships to them.
// The labels are parameters ($(…)), never text spliced into the query.
UNWIND $nodes AS n
CREATE (x)
SET x = n.props, x:$(n.labels)
RETURN n.key AS key, elementId(x) AS id
