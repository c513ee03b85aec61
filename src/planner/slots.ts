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
import type { EntityRelationshipsArgs } from '../generated/graphql';
import { TYPED_RELATIONSHIPS, type TypedRelationship } from '../graphql/typedRelationships';
import { ACTOR_TYPE_OF_KIND } from '../resolvers/typeNames';
import { relationshipProjection, type RelationshipProjection } from './projection';
import { connectionNodes, fieldsNamed, type ResolveTree } from './selection';

/**
 * A relationship field the planner reads ahead, under the nodes of a planned root or of a planned
 * slot: a first page (`first` without a cursor; anything else is left to the loader, which also
 * reports bad arguments as before), its count if selected, what its selection reads, and the
 * relationship fields selected on its own nodes, down to MAX_PLANNED_DEPTH.
 */
export interface Slot {
  shape: SlotShape;
  filter: Omit<RelationshipCountKey, 'id'>;
  size: number;
  projection: RelationshipProjection;
  children: Slot[];
}

/**
 * How many levels of relationship fields one statement reads (the root's, then their nodes').
 * Deeper levels go through the loaders, one batched query per level: the bound keeps a planned
 * statement's text, and the number of shapes Neo4j must plan, small.
 */
export const MAX_PLANNED_DEPTH = 2;

const ACTOR_TYPES: ReadonlySet<string> = new Set(['Actor', ...Object.values(ACTOR_TYPE_OF_KIND)]);

/** The typed relationship fields (src/graphql/typedRelationships.ts) by owner, then by field name. */
const TYPED_FIELDS = new Map<string, Map<string, TypedRelationship>>();
for (const entry of TYPED_RELATIONSHIPS) {
  const fields = TYPED_FIELDS.get(entry.owner) ?? new Map<string, TypedRelationship>();
  TYPED_FIELDS.set(entry.owner, fields.set(entry.field, entry));
}

/** The typed relationship fields of a GraphQL type, by field name (an actor type has the Actor ones). */
function typedFieldsOf(typeName: string): ReadonlyMap<string, TypedRelationship> | undefined {
  return TYPED_FIELDS.get(ACTOR_TYPES.has(typeName) ? 'Actor' : typeName);
}

/** A relationship field as the loaders key it: the generic field's arguments, or a typed field's row. */
interface RelationshipField {
  tree: ResolveTree;
  args: EntityRelationshipsArgs;
  labels: readonly string[] | null;
}

/** The `relationships` fields and the typed relationship fields selected under `tree`, under any type condition. */
function relationshipFieldsOf(tree: ResolveTree): RelationshipField[] {
  const found: RelationshipField[] = [];
  for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
    const typed = typedFieldsOf(typeName);
    for (const field of Object.values(fields)) {
      const args = field.args as EntityRelationshipsArgs;
      if (field.name === 'relationships') found.push({ tree: field, args, labels: null });
      const entry = typed?.get(field.name);
      if (entry)
        found.push({
          tree: field,
          args: { ...args, types: [...entry.types], direction: entry.direction },
          labels: entry.labels,
        });
    }
  }
  return found;
}

/** The relationship fields selected under nodes (the trees of the node fields), each distinct read once. */
export function slotsOf(nodes: ResolveTree[], maxPageSize: number, depth = 1): Slot[] {
  const slots = new Map<string, Slot>();
  for (const { tree, args, labels } of nodes.flatMap(relationshipFieldsOf)) {
    let size: number;
    try {
      const request = pageRequest(args, RELATIONSHIPS_CURSOR, maxPageSize);
      if (request.direction !== 'forward' || request.from !== null) continue;
      size = request.size;
    } catch {
      continue;
    }
    const filter = relationshipArguments(args, labels);
    const projection = relationshipProjection(tree);
    const count = fieldsNamed(tree, 'totalCount').length > 0;
    const children = depth < MAX_PLANNED_DEPTH ? slotsOf(connectionNodes(tree), maxPageSize, depth + 1) : [];
    const key = JSON.stringify([filter, size, projection, children.map((child) => child.shape)]);
    const seen = slots.get(key);
    if (seen) seen.shape.count ||= count;
    else
      slots.set(key, {
        shape: {
          types: filter.types,
          direction: filter.direction,
          count,
          children: children.map((child) => child.shape),
        },
        filter,
        size,
        projection,
        children,
      });
  }
  return [...slots.values()];
}

/** The parameters of the slots, by slot name (s0, s1, s0_0, ...: cypher/planner/relationships.cypher). */
export function slotParams(slots: Slot[], prefix = 's'): Record<string, unknown> {
  return Object.fromEntries(
    slots.flatMap((slot, i) => [
      [
        `${prefix}${i}`,
        { bases: slot.filter.bases, labels: slot.filter.labels, limit: slot.size + 1, ...slot.projection },
      ],
      ...Object.entries(slotParams(slot.children, `${prefix}${i}_`)),
    ]),
  );
}

/** A page row as a planned statement reads it: a relationship row with the pages of the slots on its node. */
export interface PlannedRelationshipRow extends ProjectedRelationshipRow {
  slots: PlannedRelationshipRow[][];
  counts: (number | null)[];
}

/**
 * Puts what the statement read for entity `id` into this request's loaders, under the keys the
 * fields will ask with (relationshipsOf), so that resolving them costs no query: a page cut as
 * the loader cuts it, and the count where it was read; then the same for each node of the page.
 */
export function primeSlots(
  ctx: ReadContext,
  id: string,
  slots: Slot[],
  rows: PlannedRelationshipRow[][],
  counts: (number | null)[],
): void {
  slots.forEach((slot, i) => {
    const slotRows = rows[i]!;
    const page = edgesOf(
      slotRows.map((row) => relationshipRowOf(row, slot.projection)),
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
    if (slot.children.length) {
      // The page's own rows (one beyond the page is read to know hasNextPage; its node is not shown).
      const idAt = slot.projection.nodeProps.indexOf('id');
      for (const row of slotRows.slice(0, slot.size))
        primeSlots(ctx, row.node.values[idAt] as string, slot.children, row.slots, row.counts);
    }
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
