// Empties the benchmark's own database before a synthetic graph is loaded (never run against the
// curated graph: bench/loadSyntheticGraph.ts refuses a graph that holds curated nodes). Deletes in
// batches so that a graph of a million relationships does not need one huge transaction.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
