import type { GraphQLResolveInfo } from 'graphql';
import type { EntityModel } from '../models';
import { TYPED_RELATIONSHIPS } from '../graphql/typedRelationships';
import { connectionNodes, fieldsNamed, selectionOf, subfields, type ResolveTree } from './selection';

/**
 * Fetch only what is asked: which stored properties a selection needs, from allow-lists of the
 * schema's fields. Property names enter Cypher only as values of `$nodeProps`/`$relProps`
 * (read as `n[k]`), and only from these lists.
 */

/** Every property an entity record (EntityModel) holds: what an unknown selection reads. */
export const ENTITY_PROPERTIES = [
  'id',
  'sortKey',
  'kind',
  'name',
  'nameEn',
  'aliases',
  'description',
  'website',
  'year',
  'order',
  'validFrom',
  'validTo',
  'sourceDocs',
  'quotes',
] as const satisfies readonly (keyof EntityModel)[];

/**
 * Read for every entity whatever is selected: its id (global id, slug, the loaders' keys), its
 * sort key (cursors) and its kind (an actor's GraphQL type follows from it).
 */
const ENTITY_ALWAYS = ['id', 'sortKey', 'kind'] as const;

/**
 * The stored properties each field of the entity types reads (src/resolvers/entityFields.ts and
 * the types' own resolvers); fields that read none beyond ENTITY_ALWAYS, or that load their own
 * data by the entity's id (figures, relationships, the typed relationship fields), map to [].
 * A unit test checks that every field of every Entity type in the schema is listed here.
 */
export const ENTITY_FIELD_PROPERTIES: Readonly<Record<string, readonly (keyof EntityModel)[]>> = {
  __typename: [],
  id: [],
  slug: [],
  name: ['name'],
  nameEn: ['nameEn'],
  aliases: ['aliases'],
  description: ['description'],
  website: ['website'],
  kind: ['kind'],
  year: ['year'],
  order: ['order'],
  validFrom: ['validFrom'],
  validTo: ['validTo'],
  sources: ['sourceDocs', 'quotes'],
  figures: [],
  relationships: [],
  stage: [],
  ...Object.fromEntries(TYPED_RELATIONSHIPS.map((entry) => [entry.field, []])),
};

/** Every stored property of a relationship the API shows (src/queries/rows.ts relationshipProperties). */
export const RELATIONSHIP_PROPERTIES = [
  'key',
  'role',
  'amount',
  'currency',
  'validFrom',
  'validTo',
  'basis',
  'basisNote',
  'derived',
  'sourceDocs',
  'quotes',
] as const;

type RelationshipProperty = (typeof RELATIONSHIP_PROPERTIES)[number];

/** The stored properties each field of RelationshipEdge reads; `key` (the cursor's last value) is always read. */
export const EDGE_FIELD_PROPERTIES: Readonly<Record<string, readonly RelationshipProperty[]>> = {
  __typename: [],
  cursor: [],
  node: [],
  type: [],
  direction: [],
  negated: [],
  role: ['role'],
  amount: ['amount'],
  currency: ['currency'],
  validFrom: ['validFrom'],
  validTo: ['validTo'],
  basis: ['basis'],
  basisNote: ['basisNote'],
  derived: ['derived'],
  sources: ['sourceDocs', 'quotes'],
};

/**
 * The properties to read: those of the listed fields, in a fixed order (so that equal selections
 * make equal loader keys); every property when a field is not listed (a field added to the schema
 * and not here costs a full read, never a wrong answer).
 */
function propertiesOf<P extends string>(
  fields: ResolveTree[],
  table: Readonly<Record<string, readonly P[]>>,
  all: readonly P[],
  always: readonly P[],
): P[] {
  const wanted = new Set<P>(always);
  for (const field of fields) {
    const properties = table[field.name];
    if (!properties) return [...all];
    for (const property of properties) wanted.add(property);
  }
  return all.filter((property) => wanted.has(property));
}

/** The properties an entity needs for the selections `trees` made under it (the node's fields). */
export function entityProperties(trees: ResolveTree[]): string[] {
  return propertiesOf(trees.flatMap(subfields), ENTITY_FIELD_PROPERTIES, ENTITY_PROPERTIES, ENTITY_ALWAYS);
}

/** What a relationship connection's page reads of its relationships and of the entities at their other ends. */
export interface RelationshipProjection {
  relProps: string[];
  nodeProps: string[];
}

/** The projection of a RelationshipConnection field's selection: its edges' fields, and its nodes' (edges.node and nodes). */
export function relationshipProjection(connection: ResolveTree): RelationshipProjection {
  const edgeFields = fieldsNamed(connection, 'edges').flatMap(subfields);
  return {
    relProps: propertiesOf(edgeFields, EDGE_FIELD_PROPERTIES, RELATIONSHIP_PROPERTIES, ['key']),
    nodeProps: entityProperties(connectionNodes(connection)),
  };
}

/** Every property, for reads that are not planned from a selection (a mutation's answer, a loader called without one). */
export const FULL_RELATIONSHIP_PROJECTION: RelationshipProjection = {
  relProps: [...RELATIONSHIP_PROPERTIES],
  nodeProps: [...ENTITY_PROPERTIES],
};

/** A projected entity as Cypher returns it: its label, and the values of the read properties in order. */
export interface ProjectedEntity {
  label: string;
  values: unknown[];
}

/**
 * The record of a projected entity: the properties that were read, and its label. It holds only
 * what the selection asks for (an unselected field's property is absent), so it is never put in
 * entitiesById, whose records other fields of the request may read in full.
 */
export function entityOf(projected: ProjectedEntity, props: readonly string[]): EntityModel {
  return { ...valuesOf(projected.values, props), label: projected.label } as unknown as EntityModel;
}

/** Property names and values read in the same order, as a record (a missing property is null, as `.*` leaves it absent). */
export function valuesOf(values: readonly unknown[], props: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  props.forEach((prop, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) record[prop] = value;
  });
  return record;
}

const projections = new WeakMap<ResolveTree, RelationshipProjection>();

/** The projection of the relationship field being resolved (kept per selection, as selectionOf keeps it). */
export function relationshipProjectionOf(info: GraphQLResolveInfo): RelationshipProjection {
  const tree = selectionOf(info);
  let projection = projections.get(tree);
  if (!projection) {
    projection = relationshipProjection(tree);
    projections.set(tree, projection);
  }
  return projection;
}
