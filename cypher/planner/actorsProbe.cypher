// A planned `actors` page after a cursor (src/planner/): whether an actor of the list lies before
// the page (hasPreviousPage), decided as keysetPage's probes decide it (src/queries/connections.ts):
// an actor before the cursor's position ($fromKey, $fromId) that passes the ActorFilter, or, when
// the page has edges, the cursor's own actor, which then lies between the cursor and the page.
// Read from the start of the (sortKey, id) index, so the first passing actor ends it. As `before`.
CALL (*) {
  OPTIONAL MATCH (n:Actor)
  USING INDEX n:Actor(sortKey, id)
  WHERE n.sortKey <= $fromKey AND n.id IS NOT NULL
    AND (n.sortKey < $fromKey OR n.id < $fromId OR (size(page) > 0 AND n.id = $fromId))
  // @include actorFilter
  WITH n
  LIMIT 1
  RETURN n IS NOT NULL AS before
}
