import { type z } from 'zod';
import type { Context } from '../context';
import { cypher } from '../db/cypher';
import type { WriteTransaction } from '../db/Database';
import { ConstraintViolationError, NotFoundError } from '../errors';
import type {
  AuditOperation,
  CreateActorInput,
  CreateInitiativeInput,
  UpdateActorInput,
  UpdateInitiativeInput,
} from '../generated/graphql';
import type { EntityModel } from '../models';
import { relationshipKey, type SeedEntity, type SeedRelationship } from '../seed/loadSeedFiles';
import { actorSchema, initiativeSchema, WRITE_LIMITS, type EntityRecord } from '../seed/model';
import { entityRecordOf } from '../seed/fromGraph';
import { toWriteParams } from '../seed/writeSeed';
import { citationValues, fieldChanges, recordAuditEvent } from './auditEvents';
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

/** What the API writes is marked so: the seed reload (cypher/seed/deleteStale.cypher) leaves it alone. */
export const API_ORIGIN = 'api';

/** The entity labels the API writes: the allow-list that `$label` in cypher/mutations comes from. */
type WritableLabel = 'Actor' | 'Initiative';

interface EntityKind {
  label: WritableLabel;
  noun: string;
  collection: SeedEntity['origin']['collection'];
  createSchema: z.ZodType<EntityRecord>;
  /** Validates the fields an update gives (every one optional; sources are checked apart). */
  patchSchema: z.ZodType<Partial<EntityRecord>>;
  /** The record fields a write may set, in the order the audit trail lists them. */
  fields: readonly string[];
  /** Fields that `null` clears in an update; the others are required and refuse `null`. */
  clearable: readonly string[];
  create: AuditOperation;
  update: AuditOperation;
}

const actorCreate = actorSchema.extend({ sources: apiSourcesSchema });
const initiativeCreate = initiativeSchema.extend({ sources: apiSourcesSchema });

const ACTOR: EntityKind = {
  label: 'Actor',
  noun: 'actor',
  collection: 'actors',
  createSchema: actorCreate as unknown as z.ZodType<EntityRecord>,
  patchSchema: actorCreate.omit({ id: true, sources: true }).partial() as unknown as z.ZodType<Partial<EntityRecord>>,
  fields: ['kind', 'name', 'nameEn', 'aliases', 'description', 'website', 'sources'],
  clearable: ['description', 'website'],
  create: 'CREATE_ACTOR',
  update: 'UPDATE_ACTOR',
};

const INITIATIVE: EntityKind = {
  label: 'Initiative',
  noun: 'initiative',
  collection: 'initiatives',
  createSchema: initiativeCreate as unknown as z.ZodType<EntityRecord>,
  patchSchema: initiativeCreate.omit({ id: true, sources: true }).partial() as unknown as z.ZodType<
    Partial<EntityRecord>
  >,
  fields: ['kind', 'name', 'nameEn', 'aliases', 'description', 'website', 'validFrom', 'validTo', 'sources'],
  clearable: ['description', 'website', 'validFrom', 'validTo'],
  create: 'CREATE_INITIATIVE',
  update: 'UPDATE_INITIATIVE',
};

/** The record's fields as the audit trail shows them (citations in the API's field names). */
function auditView(record: Partial<EntityRecord> & { locatedIn?: string[] }): Record<string, unknown> {
  return { ...record, sources: citationValues(record.sources) };
}

/** The node properties of a record, exactly as the seed loader writes them (but for origin). */
function entityProps(kind: EntityKind, record: EntityRecord, origin: string): Record<string, unknown> {
  const seedEntity: SeedEntity = {
    label: kind.label,
    record,
    origin: { file: 'api', collection: kind.collection, index: 0 },
  };
  return toWriteParams({ sources: [], entities: [seedEntity], relationships: [], figures: [] }, origin).entities[0]!
    .props;
}

function checkRefType(ref: EntityRef, label: string, noun: string): void {
  if (ref.type !== undefined && ref.type !== label) {
    throw badInputField(
      ref.field,
      `"input.${ref.field}" is the id of a ${ref.type}, not of ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}: "${ref.given}".`,
    );
  }
}

async function readEntity(tx: WriteTransaction, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await tx.run(cypher('mutations/entityForWrite'), { id });
  return (row?.entity as Record<string, unknown> | null) ?? null;
}

/** Input of a create, as a seed record (GraphQL's explicit nulls are the same as left out). */
function createRecord(input: CreateActorInput | CreateInitiativeInput, kind: string): Record<string, unknown> {
  const { slug, locatedIn: _locatedIn, sources, ...rest } = input as CreateActorInput & CreateInitiativeInput;
  const record: Record<string, unknown> = { id: slug, sources: toCitations(sources) };
  for (const [field, value] of Object.entries(rest)) if (value !== null && value !== undefined) record[field] = value;
  record.kind = kind;
  return record;
}

const RECORD_TO_INPUT = { id: 'slug' };

/**
 * Creates an actor or initiative (cypher/mutations/createEntity.cypher) and, for an actor, its
 * LOCATED_IN relationships (createRelationships.cypher), with its audit event, in one
 * transaction. The id must be unused; a region that does not exist fails the whole write.
 */
async function createEntity(
  ctx: Context,
  kind: EntityKind,
  input: CreateActorInput | CreateInitiativeInput,
  kindValue: string,
): Promise<EntityModel> {
  const writer = requireWriter(ctx);
  const record = parseInput(kind.createSchema, createRecord(input, kindValue), inputFieldOf(RECORD_TO_INPUT));
  checkDateOrder(record.validFrom, record.validTo);
  checkCitations(record.sources);
  const regions = ((input as CreateActorInput).locatedIn ?? []).map((given, i) => entityRef(given, `locatedIn[${i}]`));
  for (const region of regions) checkRefType(region, 'Region', 'region');
  const uniqueRegions = [...new Map(regions.map((r) => [r.key, r])).values()];

  const props = entityProps(kind, record, API_ORIGIN);
  const located = toWriteParams(
    {
      sources: [],
      entities: [],
      figures: [],
      relationships: uniqueRegions.map((region, index): SeedRelationship => ({
        from: record.id,
        type: 'LOCATED_IN',
        to: region.key,
        // The curator gives the location with the actor; the citations are the actor's own.
        basis: 'IMPLIED',
        basisNote: "Given with the actor by a curator through the API; its sources are the actor's.",
        sources: record.sources,
        key: relationshipKey(record.id, 'LOCATED_IN', region.key),
        origin: { file: 'api', collection: 'relationships', index },
      })),
    },
    API_ORIGIN,
  ).relationships.map((r) => ({ ...r, toLabel: 'Region' }));

  try {
    const entity = await ctx.db.writeTransaction(async (tx) => {
      if (await readEntity(tx, record.id)) {
        throw badInputField('slug', `"input.slug" is already the id of an entity: "${record.id}".`);
      }
      const [row] = await tx.run(cypher('mutations/createEntity'), { label: kind.label, props });
      if (located.length > 0) {
        const created = await tx.run(cypher('mutations/createRelationships'), { relationships: located });
        const missing = uniqueRegions.find((region) => !created.some((c) => c.to === region.key));
        // Throwing rolls the transaction back: the entity created above is not kept either.
        if (missing)
          throw new NotFoundError(`No region has the id "${truncate(missing.given)}" (input.${missing.field}).`);
      }
      await recordAuditEvent(tx, {
        writer,
        operation: kind.create,
        targetType: kind.label,
        targetId: record.id,
        entityIds: [record.id, ...uniqueRegions.map((r) => r.key)],
        summary: `Created the ${kind.noun} "${record.id}" (${record.name}).`,
        changes: fieldChanges(
          {},
          auditView({ ...record, ...(located.length ? { locatedIn: uniqueRegions.map((r) => r.key) } : {}) }),
          [...kind.fields, 'locatedIn'],
        ),
        sources: record.sources,
      });
      return row!.entity as EntityModel;
    }, ctx.queries);
    ctx.loaders.entitiesById.clear(entity.id).prime(entity.id, entity);
    return entity;
  } catch (error) {
    // Two curators creating the same id at once: the second one meets the unique constraint.
    if (error instanceof ConstraintViolationError)
      throw badInputField('slug', `"input.slug" is already the id of an entity: "${record.id}".`);
    throw error;
  }
}

/** An update's fields: those given (to set) and those given as null (to clear). */
function patchOf(kind: EntityKind, input: Record<string, unknown>): { set: Partial<EntityRecord>; clear: string[] } {
  const given: Record<string, unknown> = {};
  const clear: string[] = [];
  for (const field of kind.fields) {
    if (field === 'sources' || !(field in input) || input[field] === undefined) continue;
    if (input[field] === null) {
      if (!kind.clearable.includes(field))
        throw badInputField(field, `"input.${field}" cannot be cleared: give a value or leave it out.`);
      clear.push(field);
    } else {
      given[field] = input[field];
    }
  }
  const parsed = parseInput(kind.patchSchema, given, inputFieldOf()) as Record<string, unknown>;
  // Keep only what was given: a schema default (aliases: []) must not overwrite stored values.
  const set = Object.fromEntries(Object.keys(given).map((field) => [field, parsed[field]])) as Partial<EntityRecord>;
  return { set, clear };
}

/**
 * Updates an actor or initiative (cypher/mutations/updateEntity.cypher): the given fields
 * replace, `null` clears, the citations are added to its sources; the whole record is then
 * written as the seed loader writes it, with its audit event, in one transaction. An entity from
 * seed/ keeps its origin, so the next seed reload writes the seeded version again. An update that
 * changes nothing writes nothing.
 */
async function updateEntity(
  ctx: Context,
  kind: EntityKind,
  input: UpdateActorInput | UpdateInitiativeInput,
  kindValue: string | undefined,
): Promise<EntityModel> {
  const writer = requireWriter(ctx);
  const ref = entityRef(input.id, 'id');
  checkRefType(ref, kind.label, kind.noun);
  const fields: Record<string, unknown> = { ...input };
  if (kindValue !== undefined) fields.kind = kindValue;
  const { set, clear } = patchOf(kind, fields);
  const added = givenCitations(input.sources);

  const entity = await ctx.db.writeTransaction(async (tx) => {
    const node = await readEntity(tx, ref.key);
    if (!node || node.label !== kind.label)
      throw new NotFoundError(`No ${kind.noun} has the id "${truncate(ref.given)}".`);
    const before = entityRecordOf(node);
    const after = { ...before, ...set, sources: mergeCitations(before.sources, added) } as EntityRecord;
    for (const field of clear) delete (after as Record<string, unknown>)[field];
    checkDateOrder(after.validFrom, after.validTo);
    // Citations accumulate over updates: the whole list must stay within what a seed record may hold.
    if (after.sources.length > WRITE_LIMITS.sources) {
      throw badInputField(
        'sources',
        `"input.sources" would give the ${kind.noun} ${after.sources.length} citations; a record may have at most ${WRITE_LIMITS.sources}.`,
      );
    }
    const changes = fieldChanges(auditView(before), auditView(after), kind.fields);
    if (changes.length === 0) return node as unknown as EntityModel;
    const origin = typeof node.origin === 'string' ? node.origin : API_ORIGIN;
    const [row] = await tx.run(cypher('mutations/updateEntity'), {
      id: ref.key,
      label: kind.label,
      props: entityProps(kind, after, origin),
    });
    await recordAuditEvent(tx, {
      writer,
      operation: kind.update,
      targetType: kind.label,
      targetId: ref.key,
      entityIds: [ref.key],
      summary: `Updated the ${kind.noun} "${ref.key}": ${changes.map((c) => c.field).join(', ')}.`,
      changes,
      sources: added,
    });
    return row!.entity as EntityModel;
  }, ctx.queries);
  ctx.loaders.entitiesById.clear(entity.id).prime(entity.id, entity);
  return entity;
}

export function createActor(ctx: Context, input: CreateActorInput): Promise<EntityModel> {
  return createEntity(ctx, ACTOR, input, input.kind.toLowerCase());
}

export function updateActor(ctx: Context, input: UpdateActorInput): Promise<EntityModel> {
  return updateEntity(ctx, ACTOR, input, input.kind ? input.kind.toLowerCase() : undefined);
}

export function createInitiative(ctx: Context, input: CreateInitiativeInput): Promise<EntityModel> {
  return createEntity(ctx, INITIATIVE, input, input.kind.toLowerCase());
}

export function updateInitiative(ctx: Context, input: UpdateInitiativeInput): Promise<EntityModel> {
  return updateEntity(ctx, INITIATIVE, input, input.kind ? input.kind.toLowerCase() : undefined);
}
