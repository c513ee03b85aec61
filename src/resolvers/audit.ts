import type { AuditEventResolvers, AuditOperation } from '../generated/graphql';
import { citationsOf } from '../models';
import type { FieldChange } from '../mutations/auditEvents';

export const AuditEvent: AuditEventResolvers = {
  operation: (event) => event.operation as AuditOperation,
  // The entity as it is now, through the request's loader; null when it is gone.
  target: (event, _args, ctx) =>
    event.targetType === 'Relationship' ? null : ctx.loaders.entitiesById.load(event.targetId),
  changes: (event) => JSON.parse(event.changes) as FieldChange[],
  sources: (event) => citationsOf(event),
};
