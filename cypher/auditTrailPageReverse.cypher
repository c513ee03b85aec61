// The audit trail read backward (last/before): oldest first, before the keyset position
// ($fromAt, $fromId) of auditTrailPage's order, or from the oldest event when $fromAt is null;
// src/queries/connections.ts puts the page back in newest-first order. $entityId (or null) keeps
// the events about one entity. $limit is the page size plus one.
MATCH (e:AuditEvent)
WHERE ($entityId IS NULL OR $entityId IN e.entityIds)
  AND ($fromAt IS NULL OR e.at > datetime($fromAt) OR (e.at = datetime($fromAt) AND e.id > $fromId))
RETURN e { .* } AS event
ORDER BY e.at, e.id
LIMIT toInteger($limit)
