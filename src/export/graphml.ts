import type { SubgraphModel } from '../models';
import { EDGE_COLUMNS, NODE_COLUMNS, attributeRecord, type AttributeColumn } from './attributes';
import type { ExportMeta } from './meta';
import { buildXml, xmlText } from './xml';

/**
 * GraphML (http://graphml.graphdrawing.org/), as Gephi, yEd, Cytoscape and NetworkX read it.
 * graphology-graphml only parses, so the document is built with an XML writer: one <key> per
 * attribute (ids "n_<name>" and "e_<name>"), the node's name as its "label", the relationship
 * type as the edge's "label", every edge directed.
 */
const GRAPHML_TYPES = { string: 'string', double: 'double', integer: 'int', boolean: 'boolean' } as const;

function keys<Item>(target: 'node' | 'edge', prefix: string, columns: AttributeColumn<Item>[]) {
  return [
    { '@_id': `${prefix}_label`, '@_for': target, '@_attr.name': 'label', '@_attr.type': 'string' },
    ...columns.map((column) => ({
      '@_id': `${prefix}_${column.name}`,
      '@_for': target,
      '@_attr.name': column.name,
      '@_attr.type': GRAPHML_TYPES[column.type],
    })),
  ];
}

function data(prefix: string, label: string, record: Record<string, string | number | boolean>) {
  return [
    { '@_key': `${prefix}_label`, '#text': xmlText(label) },
    ...Object.entries(record).map(([name, value]) => ({ '@_key': `${prefix}_${name}`, '#text': xmlText(value) })),
  ];
}

export function writeGraphml(graph: SubgraphModel, meta: ExportMeta): string {
  return buildXml({
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [
        { '@_id': 'g_description', '@_for': 'graph', '@_attr.name': 'description', '@_attr.type': 'string' },
        ...keys('node', 'n', NODE_COLUMNS),
        ...keys('edge', 'e', EDGE_COLUMNS),
      ],
      graph: {
        '@_id': 'medicon-graph',
        '@_edgedefault': 'directed',
        data: { '@_key': 'g_description', '#text': xmlText(meta.description) },
        node: graph.nodes.map((node) => ({
          '@_id': node.id,
          data: data('n', node.label, attributeRecord(NODE_COLUMNS, node)),
        })),
        edge: graph.edges.map((edge) => ({
          '@_id': edge.id,
          '@_source': edge.source,
          '@_target': edge.target,
          data: data('e', edge.type, attributeRecord(EDGE_COLUMNS, edge)),
        })),
      },
    },
  });
}
