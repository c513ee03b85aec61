// Every node of the graph with its labels and properties, for the online export
// (src/backup/graphExport.ts). `key` (the element id) only joins relationships to their ends
// within one export: a restore gives the nodes new ids.
MATCH (n)
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props
