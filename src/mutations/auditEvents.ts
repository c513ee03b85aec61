import { cypher } from '../db/cypher';
import type { WriteTransaction } from '../db/Database';
import type { AuditOperation } from '../generated/graphql';
import type { AuditEventModel } from '../models';
import type { Citation } from '../seed/model';

/** One changed field, with JSON values (null: not set). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * The fields whose values differ between two records (compared as JSON), in `fields` order:
 * what an audit event records. A create compares with `{}`, a delete with `{}` as `after`.
 */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): FieldChange[] {
  return fields
    .map((field) => ({ field, before: json(before[field]), after: json(after[field]) }))
    .filter((change) => change.before !== change.after);
}

/** Citations as an audit event's changes show them, in the API's own field names. */
export function citationValues(sources: Citation[] | undefined): { document: string; quote: string }[] | undefined {
  return sources?.map((s) => ({ document: s.doc, quote: s.quote }));
}

export interface AuditEventInput {
  writer: string;
  operation: AuditOperation;
  targetType: AuditEventModel['targetType'];
  targetId: string;
  entityIds: string[];
  summary: string;
  changes: FieldChange[];
  /** The citations given with the write. */
  sources: Citation[];
}

/**
 * Writes the audit event of a curated write in that write's transaction
 * (cypher/mutations/createAuditEvent.cypher): if the write fails, no event is left, and no write
 * commits without its event.
 */
export async function recordAuditEvent(tx: WriteTransaction, event: AuditEventInput): Promise<void> {
  await tx.run(cypher('mutations/createAuditEvent'), {
    writer: event.writer,
    operation: event.operation,
    targetType: event.targetType,
    targetId: event.targetId,
    entityIds: [...new Set(event.entityIds)],
    summary: event.summary,
    changes: JSON.stringify(event.changes),
    sourceDocs: event.sources.map((s) => s.doc),
    quotes: event.sources.map((s) => s.quote),
  });
}
