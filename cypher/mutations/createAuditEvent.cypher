// Records a curated write in the audit trail, in the write's own transaction. The event stands
// alone (no relationship to the entity): it names the entities by id, so that it outlives them
// and never shows up among an entity's relationships or in the exports.
CREATE (e:AuditEvent {
  id: randomUUID(),
  at: datetime({epochMillis: timestamp()}),
  writer: $writer,
  operation: $operation,
  targetType: $targetType,
  targetId: $targetId,
  entityIds: $entityIds,
  summary: $summary,
  changes: $changes,
  sourceDocs: $sourceDocs,
  quotes: $quotes
})
RETURN e.id AS id
