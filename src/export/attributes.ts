import type { GraphEdgeModel, GraphNodeModel } from '../models';

/**
 * The attributes that the tabular and XML exports (GraphML, GEXF, CSV) write for every node and
 * edge, in column order, with their types. Lists become one string joined by `LIST_SEPARATOR`,
 * the separator Kumu reads as multiple values; absent values stay absent (an empty cell, no
 * <data>, no <attvalue>). The JSON exports keep lists as arrays instead.
 */
export const LIST_SEPARATOR = '|';

export type AttributeValue = string | number | boolean;

export interface AttributeColumn<Item> {
  /** The attribute's name: a GraphML attr.name, a GEXF attribute title, a CSV column. */
  name: string;
  type: 'string' | 'double' | 'integer' | 'boolean';
  value(item: Item): AttributeValue | null;
}

const joined = (list: readonly string[]) => (list.length > 0 ? list.join(LIST_SEPARATOR) : null);

export const NODE_COLUMNS: AttributeColumn<GraphNodeModel>[] = [
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'slug', type: 'string', value: (n) => n.attributes.slug },
  { name: 'nameEn', type: 'string', value: (n) => n.attributes.nameEn },
  { name: 'entityType', type: 'string', value: (n) => n.attributes.entityType },
  { name: 'subkind', type: 'string', value: (n) => n.attributes.subkind },
  { name: 'description', type: 'string', value: (n) => n.attributes.description },
  { name: 'website', type: 'string', value: (n) => n.attributes.website },
  { name: 'aliases', type: 'string', value: (n) => joined(n.attributes.aliases) },
  { name: 'themes', type: 'string', value: (n) => joined(n.attributes.themes) },
  { name: 'regions', type: 'string', value: (n) => joined(n.attributes.regions) },
  { name: 'validFrom', type: 'string', value: (n) => n.attributes.validFrom },
  { name: 'validTo', type: 'string', value: (n) => n.attributes.validTo },
  // The network metrics (src/network/), present once the export has resolved them: Gephi and Kumu
  // size and colour by these.
  { name: 'degree', type: 'integer', value: (n) => n.metrics?.degree ?? null },
  { name: 'inDegree', type: 'integer', value: (n) => n.metrics?.inDegree ?? null },
  { name: 'outDegree', type: 'integer', value: (n) => n.metrics?.outDegree ?? null },
  { name: 'weightedDegree', type: 'double', value: (n) => n.metrics?.weightedDegree ?? null },
  { name: 'betweenness', type: 'double', value: (n) => n.metrics?.betweenness ?? null },
  { name: 'closeness', type: 'double', value: (n) => n.metrics?.closeness ?? null },
  { name: 'pageRank', type: 'double', value: (n) => n.metrics?.pageRank ?? null },
  { name: 'component', type: 'integer', value: (n) => n.metrics?.component ?? null },
  { name: 'community', type: 'integer', value: (n) => n.metrics?.community ?? null },
  { name: 'side', type: 'string', value: (n) => n.metrics?.side ?? null },
  { name: 'bridge', type: 'boolean', value: (n) => n.metrics?.bridge ?? null },
];

/**
 * The relationship type is `relationship`, not `type`: "type" means directed or undirected to
 * Gephi and GEXF, and names the edge renderer to sigma.js.
 */
export const EDGE_COLUMNS: AttributeColumn<GraphEdgeModel>[] = [
  { name: 'relationship', type: 'string', value: (e) => e.type },
  { name: 'role', type: 'string', value: (e) => e.attributes.role },
  { name: 'amount', type: 'double', value: (e) => e.attributes.amount },
  { name: 'currency', type: 'string', value: (e) => e.attributes.currency },
  { name: 'validFrom', type: 'string', value: (e) => e.attributes.validFrom },
  { name: 'validTo', type: 'string', value: (e) => e.attributes.validTo },
  { name: 'negated', type: 'boolean', value: (e) => e.attributes.negated },
  { name: 'basis', type: 'string', value: (e) => e.attributes.basis },
  { name: 'basisNote', type: 'string', value: (e) => e.attributes.basisNote },
  { name: 'derived', type: 'boolean', value: (e) => e.attributes.derived },
  { name: 'documents', type: 'string', value: (e) => joined(e.sources.map((s) => s.document)) },
  { name: 'quotes', type: 'string', value: (e) => joined(e.sources.map((s) => s.quote)) },
  // Network columns: how strongly the edge joins its ends, and what a projected edge stands for.
  { name: 'weight', type: 'double', value: (e) => e.weight },
  { name: 'bridge', type: 'boolean', value: (e) => e.bridge ?? null },
  { name: 'via', type: 'string', value: (e) => joined(e.via) },
  { name: 'viaTypes', type: 'string', value: (e) => joined(e.viaTypes) },
];

/** The present attributes of an item as a record, in column order. */
export function attributeRecord<Item>(columns: AttributeColumn<Item>[], item: Item): Record<string, AttributeValue> {
  const record: Record<string, AttributeValue> = {};
  for (const column of columns) {
    const value = column.value(item);
    if (value !== null && value !== undefined) record[column.name] = value;
  }
  return record;
}
