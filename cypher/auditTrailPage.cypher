// A page of the audit trail, newest first, after the keyset position ($fromAt, $fromId) or
// from the start when $fromAt is null; $entityId (or null) keeps the events about one entity.
// $limit is the page size plus one.
MATCH (e:AuditEvent)
WHERE ($entityId IS NULL OR $entityId IN e.entityIds)
  AND ($fromAt IS NULL OR e.at < datetime($fromAt) OR (e.at = datetime($fromAt) AND e.id < $fromId))
RETURN e { .* } AS event
ORDER BY e.at DESC, e.id DESC
LIMIT toInteger($limit)
