// The curated-data properties of every actor, for the smoke test's check that synthetic actors
// have them (origin, sortKey, matchKeys, aliasText, provenance lists of equal length).
MATCH (n:Actor)
RETURN n.origin AS origin, n.sortKey AS sortKey, n.matchKeys AS matchKeys, n.aliasText AS aliasText,
       size(n.sourceDocs) = size(n.quotes) AS provenance
