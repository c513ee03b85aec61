import type { SubgraphModel } from '../models';
import { EDGE_COLUMNS, NODE_COLUMNS, attributeRecord, type AttributeColumn } from './attributes';
import { kindStyle } from './kindStyle';
import type { ExportMeta } from './meta';
import { periodEnd, periodStart } from './periods';
import { buildXml, xmlText } from './xml';

/**
 * GEXF 1.3 (https://gexf.net/), Gephi's own format, as a dynamic graph: an edge whose source
 * dates the relationship carries `start` and `end` (days, see ./periods.ts), so that Gephi's
 * timeline shows the ecosystem change; an undated edge holds throughout. graphology-gexf writes
 * GEXF 1.3 but not dynamic graphs, so the document is built with an XML writer. Nodes carry
 * viz:color by kind and viz:size by degree, which Gephi shows before any layout is run, and
 * viz:position from the seeded ForceAtlas2 layout (src/network/layout.ts) when it was computed.
 */
const GEXF_TYPES = { string: 'string', double: 'double', integer: 'integer', boolean: 'boolean' } as const;

function declarations<Item>(target: 'node' | 'edge', columns: AttributeColumn<Item>[]) {
  return {
    '@_class': target,
    attribute: columns.map((column) => ({
      '@_id': column.name,
      '@_title': column.name,
      '@_type': GEXF_TYPES[column.type],
    })),
  };
}

function attvalues(record: Record<string, string | number | boolean>) {
  return { attvalue: Object.entries(record).map(([name, value]) => ({ '@_for': name, '@_value': xmlText(value) })) };
}

function rgb(hex: string) {
  const value = Number.parseInt(hex.slice(1), 16);
  return { '@_r': (value >> 16) & 255, '@_g': (value >> 8) & 255, '@_b': value & 255 };
}

export function writeGexf(graph: SubgraphModel, meta: ExportMeta): string {
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return buildXml({
    gexf: {
      '@_xmlns': 'http://gexf.net/1.3',
      '@_xmlns:viz': 'http://gexf.net/1.3/viz',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      '@_version': '1.3',
      meta: {
        '@_lastmodifieddate': meta.generatedAt.toISOString().slice(0, 10),
        creator: 'medicon-graph',
        description: xmlText(meta.description),
      },
      graph: {
        '@_mode': 'dynamic',
        '@_defaultedgetype': 'directed',
        '@_timeformat': 'date',
        '@_timerepresentation': 'interval',
        attributes: [declarations('node', NODE_COLUMNS), declarations('edge', EDGE_COLUMNS)],
        nodes: {
          node: graph.nodes.map((node) => ({
            '@_id': xmlText(node.id),
            '@_label': xmlText(node.label),
            attvalues: attvalues(attributeRecord(NODE_COLUMNS, node)),
            'viz:color': rgb(kindStyle(node.kind).color),
            'viz:size': { '@_value': 10 + 4 * Math.sqrt(degree.get(node.id) ?? 0) },
            ...(node.position ? { 'viz:position': { '@_x': node.position.x, '@_y': node.position.y } } : {}),
          })),
        },
        edges: {
          edge: graph.edges.map((edge) => {
            const start = periodStart(edge.attributes.validFrom);
            const end = periodEnd(edge.attributes.validTo);
            return {
              '@_id': xmlText(edge.id),
              '@_source': edge.source,
              '@_target': edge.target,
              '@_label': edge.type,
              ...(start ? { '@_start': start } : {}),
              ...(end ? { '@_end': end } : {}),
              attvalues: attvalues(attributeRecord(EDGE_COLUMNS, edge)),
            };
          }),
        },
      },
    },
  });
}
