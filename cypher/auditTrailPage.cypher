// A page of the audit trail, newest first, after the keyset position ($afterAt, $afterId) or
// from the start when $afterAt is null; $entityId (or null) keeps the events about one entity.
// $limit is the page size plus one.
MATCH (e:AuditEvent)
WHERE ($entityId IS NULL OR $entityId IN e.entityIds)
  AND ($afterAt IS NULL OR e.at < datetime($afterAt) OR (e.at = datetime($afterAt) AND e.id < $afterId))
RETURN e { .* } AS event
ORDER BY e.at DESC, e.id DESC
LIMIT toInteger($limit)
