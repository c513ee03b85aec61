import { z } from 'zod';
import type { Context } from '../context';
import { cypher } from '../db/cypher';
import type { WriteTransaction } from '../db/Database';
import type {
  CreateRelationshipInput,
  DeleteRelationshipInput,
  RelationshipType,
  UpdateRelationshipInput,
} from '../generated/graphql';
import { NotFoundError } from '../errors';
import { relationshipEdges } from '../loaders/relationshipsByEntity';
import type { EntityModel, RelationshipEdgeModel } from '../models';
import { edgeOf as connectionEdge } from '../queries/connections';
import { relationshipKey, type SeedRelationship } from '../seed/loadSeedFiles';
import { DERIVED_RELATIONSHIP_TYPES, relationshipSchema, type RelationshipRecord } from '../seed/model';
import { relationshipRecordOf } from '../seed/fromGraph';
import { toWriteParams } from '../seed/writeSeed';
import { citationValues, fieldChanges, recordAuditEvent, type AuditEventInput } from './auditEvents';
import { API_ORIGIN } from './entityWrites';
import {
  apiSourcesSchema,
  badInputField,
  checkCitations,
  givenCitations,
  checkDateOrder,
  entityRef,
  inputFieldOf,
  mergeCitations,
  parseInput,
  toCitations,
  type EntityRef,
} from './input';
import { requireWriter } from './requireWriter';
import { truncate } from '../text/truncate';

/** The seed loader's relationship schema, with the API's citations (which also take http:// URLs). */
const relationshipInput = relationshipSchema.safeExtend({ sources: apiSourcesSchema });

/** The fields an update may change; null clears them. */
const UPDATABLE = ['amount', 'currency', 'validFrom', 'validTo'] as const;
const patchSchema = z
  .strictObject({
    amount: relationshipSchema.shape.amount,
    currency: relationshipSchema.shape.currency,
    validFrom: relationshipSchema.shape.validFrom,
    validTo: relationshipSchema.shape.validTo,
  })
  .partial();

/** How the relationship rests on its quotes: given when it is created, kept by updates. */
const BASIS_FIELDS = ['basis', 'basisNote'] as const;

/** The fields the audit trail records for a relationship, in order. */
const AUDITED = [
  'from',
  'type',
  'to',
  'role',
  'amount',
  'currency',
  'validFrom',
  'validTo',
  'basis',
  'basisNote',
  'sources',
] as const;

/** The far end of these types must carry this label (as the seed loader checks). */
const TO_LABEL: Partial<Record<string, string>> = { TARGETS_STAGE: 'Stage', LOCATED_IN: 'Region' };

interface Identity {
  from: EntityRef;
  type: string;
  to: EntityRef;
  role: string | undefined;
  key: string;
}

/** Reads and checks the from, type, to and role that identify a relationship. */
function identityOf(input: { from: string; type: RelationshipType; to: string; role?: string | null }): Identity {
  const from = entityRef(input.from, 'from');
  const to = entityRef(input.to, 'to');
  if ((DERIVED_RELATIONSHIP_TYPES as readonly string[]).includes(input.type)) {
    throw badInputField(
      'type',
      `"input.type" cannot be ${input.type}: it is derived from the themes' "broader" field in seed/.`,
    );
  }
  if (from.key === to.key) {
    throw badInputField('to', `"input.to" must be another entity than "input.from", not "${input.to}".`);
  }
  const role = input.role ?? undefined;
  return { from, type: input.type, to, role, key: relationshipKey(from.key, input.type, to.key, role) };
}

function describe(identity: Identity): string {
  return `"${identity.from.key}" ${identity.type} "${identity.to.key}"${identity.role !== undefined ? ` (role "${truncate(identity.role)}")` : ''}`;
}

/** Records a write to one relationship: its key is the event's target, its two ends the entities. */
function recordRelationshipEvent(
  tx: WriteTransaction,
  identity: Identity,
  event: Pick<AuditEventInput, 'writer' | 'operation' | 'summary' | 'changes' | 'sources'>,
): Promise<void> {
  return recordAuditEvent(tx, {
    ...event,
    targetType: 'Relationship',
    targetId: identity.key,
    entityIds: [identity.from.key, identity.to.key],
  });
}

/** The relationship's ends and the relationship itself, read in the write's transaction. */
async function readRelationship(tx: WriteTransaction, identity: Identity) {
  const [row] = await tx.run(cypher('mutations/relationshipForWrite'), {
    from: identity.from.key,
    to: identity.to.key,
    type: identity.type,
    key: identity.key,
  });
  const end = (ref: EntityRef, entity: unknown): EntityModel => {
    const model = entity as EntityModel | null;
    if (!model || (ref.type !== undefined && model.label !== ref.type)) {
      throw new NotFoundError(`No entity has the id "${truncate(ref.given)}" (input.${ref.field}).`);
    }
    return model;
  };
  const from = end(identity.from, row?.from);
  const to = end(identity.to, row?.to);
  const wanted = TO_LABEL[identity.type];
  if (wanted && to.label !== wanted) {
    throw badInputField(
      'to',
      `"input.to" must be a ${wanted} for ${identity.type}, and "${identity.to.given}" is a ${to.label}.`,
    );
  }
  return { from, to, relationship: (row?.relationship as Record<string, unknown> | null) ?? null };
}

/** The relationship properties of a record, exactly as the seed loader writes them (but for origin). */
function relationshipProps(record: RelationshipRecord, origin: string): Record<string, unknown> {
  const seedRelationship: SeedRelationship = {
    ...record,
    key: relationshipKey(record.from, record.type, record.to, record.role),
    origin: { file: 'api', collection: 'relationships', index: 0 },
  };
  return toWriteParams({ sources: [], entities: [], relationships: [seedRelationship], figures: [] }, origin)
    .relationships[0]!.props;
}

/** The seed-format record a relationship holds. */
function recordOf(identity: Identity, props: Record<string, unknown>): RelationshipRecord {
  return relationshipRecordOf(identity.from.key, identity.type, identity.to.key, {
    ...props,
    role: identity.role,
  });
}

const auditView = (record: RelationshipRecord | Record<string, never>) => ({
  ...record,
  sources: citationValues((record as RelationshipRecord).sources),
});

/** The relationship as an edge seen from `from` (like Entity.relationships returns it). */
function edgeOf(type: string, props: Record<string, unknown>, to: EntityModel): RelationshipEdgeModel {
  return connectionEdge({ type, props, direction: 'OUTGOING', node: to }, relationshipEdges);
}

/**
 * Creates a relationship between two existing entities (cypher/mutations/createRelationships.cypher),
 * with its audit event, in one transaction. Identified like a seeded one by from|type|to|role:
 * one that exists already is refused.
 */
export async function createRelationship(ctx: Context, input: CreateRelationshipInput): Promise<RelationshipEdgeModel> {
  const writer = requireWriter(ctx);
  const identity = identityOf(input);
  const given: Record<string, unknown> = {
    from: identity.from.key,
    type: identity.type,
    to: identity.to.key,
    sources: toCitations(input.sources),
  };
  for (const field of ['role', ...UPDATABLE, ...BASIS_FIELDS] as const)
    if (input[field] !== null && input[field] !== undefined) given[field] = input[field];
  const record = parseInput<RelationshipRecord>(relationshipInput, given, inputFieldOf());
  checkDateOrder(record.validFrom, record.validTo);
  checkCitations(record.sources);
  const props = relationshipProps(record, API_ORIGIN);

  return ctx.db.writeTransaction(async (tx) => {
    const { to, relationship } = await readRelationship(tx, identity);
    if (relationship) {
      throw badInputField(
        'type',
        `The relationship ${describe(identity)} exists already; change it with updateRelationship.`,
      );
    }
    const [created] = await tx.run(cypher('mutations/createRelationships'), {
      relationships: [{ from: record.from, to: record.to, type: record.type, toLabel: null, props }],
    });
    if (!created) throw new NotFoundError(`No entity has the id "${truncate(identity.to.given)}" (input.to).`);
    await recordRelationshipEvent(tx, identity, {
      writer,
      operation: 'CREATE_RELATIONSHIP',
      summary: `Created the relationship ${describe(identity)}.`,
      changes: fieldChanges({}, auditView(record), AUDITED),
      sources: record.sources,
    });
    return edgeOf(identity.type, created.props as Record<string, unknown>, to);
  }, ctx.queries);
}

/**
 * Changes a relationship's amount, currency and dates (given: replace; null: clear) and adds the
 * citations to its sources (cypher/mutations/updateRelationship.cypher), with its audit event,
 * in one transaction. A seeded relationship keeps its origin (a seed reload restores it); an
 * update that changes nothing writes nothing.
 */
export async function updateRelationship(ctx: Context, input: UpdateRelationshipInput): Promise<RelationshipEdgeModel> {
  const writer = requireWriter(ctx);
  const identity = identityOf(input);
  const given: Record<string, unknown> = {};
  const clear: string[] = [];
  for (const field of UPDATABLE) {
    if (input[field] === null) clear.push(field);
    else if (input[field] !== undefined) given[field] = input[field];
  }
  parseInput(patchSchema, given, inputFieldOf());
  const added = givenCitations(input.sources);

  return ctx.db.writeTransaction(async (tx) => {
    const { to, relationship } = await readRelationship(tx, identity);
    if (!relationship) throw new NotFoundError(`No relationship ${describe(identity)} exists.`);
    const before = recordOf(identity, relationship);
    const merged: Record<string, unknown> = { ...before, ...given, sources: mergeCitations(before.sources, added) };
    for (const field of clear) delete merged[field];
    const after = parseInput<RelationshipRecord>(relationshipInput, merged, inputFieldOf());
    checkDateOrder(after.validFrom, after.validTo);
    const changes = fieldChanges(auditView(before), auditView(after), AUDITED);
    if (changes.length === 0) return edgeOf(identity.type, relationship, to);
    const origin = typeof relationship.origin === 'string' ? relationship.origin : API_ORIGIN;
    const [row] = await tx.run(cypher('mutations/updateRelationship'), {
      from: identity.from.key,
      to: identity.to.key,
      type: identity.type,
      key: identity.key,
      props: relationshipProps(after, origin),
    });
    await recordRelationshipEvent(tx, identity, {
      writer,
      operation: 'UPDATE_RELATIONSHIP',
      summary: `Updated the relationship ${describe(identity)}: ${changes.map((c) => c.field).join(', ')}.`,
      changes,
      sources: added,
    });
    return edgeOf(identity.type, row!.props as Record<string, unknown>, to);
  }, ctx.queries);
}

/**
 * Deletes a relationship (cypher/mutations/deleteRelationship.cypher) with its audit event, which
 * keeps what it was and the citations given, in one transaction; returns it as it was.
 */
export async function deleteRelationship(ctx: Context, input: DeleteRelationshipInput): Promise<RelationshipEdgeModel> {
  const writer = requireWriter(ctx);
  const identity = identityOf(input);
  const reasons = givenCitations(input.sources);

  return ctx.db.writeTransaction(async (tx) => {
    const { to, relationship } = await readRelationship(tx, identity);
    if (!relationship) throw new NotFoundError(`No relationship ${describe(identity)} exists.`);
    await tx.run(cypher('mutations/deleteRelationship'), {
      from: identity.from.key,
      to: identity.to.key,
      type: identity.type,
      key: identity.key,
    });
    await recordRelationshipEvent(tx, identity, {
      writer,
      operation: 'DELETE_RELATIONSHIP',
      summary: `Deleted the relationship ${describe(identity)}.`,
      changes: fieldChanges(auditView(recordOf(identity, relationship)), {}, AUDITED),
      sources: reasons,
    });
    return edgeOf(identity.type, relationship, to);
  }, ctx.queries);
}
