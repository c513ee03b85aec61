import { GraphQLEnumType, type GraphQLSchema } from 'graphql';
import type { ReadContext } from '../context';
import type { RelationshipCountKey } from '../loaders/relationshipCountsByEntity';
import {
  relationshipEdges,
  relationshipRowOf,
  RELATIONSHIPS_CURSOR,
  type ProjectedRelationshipRow,
  type RelationshipsKey,
} from '../loaders/relationshipsByEntity';
import { edgesOf, pageRequest } from '../queries/connections';
import { relationshipArguments } from '../queries/relationships';
import type { SlotShape } from './compose';
import { relationshipProjection, type RelationshipProjection } from './projection';
import { subfields, fieldsNamed, type ResolveTree } from './selection';

/**
 * A relationship field the planner reads ahead, under the nodes of a planned root: a first page
 * (`first` without a cursor; anything else is left to the loader, which also reports bad
 * arguments as before), its count if selected, and what its selection reads.
 */
export interface Slot {
  shape: SlotShape;
  filter: Omit<RelationshipCountKey, 'id'>;
  size: number;
  projection: RelationshipProjection;
}

/** The `relationships` fields selected under nodes (the trees of the node fields), each distinct read once. */
export function slotsOf(nodes: ResolveTree[], maxPageSize: number): Slot[] {
  const slots = new Map<string, Slot>();
  for (const field of nodes.flatMap(subfields).filter((f) => f.name === 'relationships')) {
    const args = field.args as Parameters<typeof pageRequest>[0] & Parameters<typeof relationshipArguments>[0];
    let size: number;
    try {
      const request = pageRequest(args, RELATIONSHIPS_CURSOR, maxPageSize);
      if (request.direction !== 'forward' || request.from !== null) continue;
      size = request.size;
    } catch {
      continue;
    }
    const filter = relationshipArguments(args, null);
    const projection = relationshipProjection(field);
    const count = fieldsNamed(field, 'totalCount').length > 0;
    const key = JSON.stringify([filter, size, projection]);
    const seen = slots.get(key);
    if (seen) seen.shape.count ||= count;
    else
      slots.set(key, { shape: { types: filter.types, direction: filter.direction, count }, filter, size, projection });
  }
  return [...slots.values()];
}

/** The parameters of the slots, by slot name (s0, s1, ...: cypher/planner/relationships.cypher). */
export function slotParams(slots: Slot[]): Record<string, unknown> {
  return Object.fromEntries(
    slots.map((slot, i) => [
      `s${i}`,
      { bases: slot.filter.bases, labels: slot.filter.labels, limit: slot.size + 1, ...slot.projection },
    ]),
  );
}

/**
 * Puts what the statement read for entity `id` into this request's loaders, under the keys the
 * fields will ask with (relationshipsOf), so that resolving them costs no query: a page cut as
 * the loader cuts it, and the count where it was read.
 */
export function primeSlots(
  ctx: ReadContext,
  id: string,
  slots: Slot[],
  rows: ProjectedRelationshipRow[][],
  counts: (number | null)[],
): void {
  slots.forEach((slot, i) => {
    const page = edgesOf(
      rows[i]!.map((row) => relationshipRowOf(row, slot.projection)),
      slot.size,
      relationshipEdges,
      'forward',
    );
    const key: RelationshipsKey = {
      id,
      ...slot.filter,
      paging: 'forward',
      size: slot.size,
      from: null,
      projection: slot.projection,
    };
    ctx.loaders.relationshipsByEntity.prime(key, page);
    const count = counts[i];
    if (count !== null && count !== undefined)
      ctx.loaders.relationshipCountsByEntity.prime({ id, ...slot.filter }, count);
  });
}

const typesBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The allow-list of relationship type names: the values of the schema's RelationshipType enum. */
export function relationshipTypesOf(schema: GraphQLSchema): ReadonlySet<string> {
  let types = typesBySchema.get(schema);
  if (!types) {
    const type = schema.getType('RelationshipType');
    if (!(type instanceof GraphQLEnumType)) throw new Error('Invariant: the schema has no RelationshipType enum.');
    types = new Set(type.getValues().map((value) => value.name));
    typesBySchema.set(schema, types);
  }
  return types;
}
