// How many audit events the audit trail holds, or hold about one entity ($entityId, or null).
MATCH (e:AuditEvent)
WHERE $entityId IS NULL OR $entityId IN e.entityIds
RETURN count(e) AS count
