import type { SubgraphModel } from '../models';
import { edgeData, jsonFile, nodeData } from './jsonElements';
import { centralityAttributes, type ExportMeta } from './meta';

/**
 * Cytoscape.js JSON: `cytoscape({ elements })` draws it as it is, and Cytoscape's desktop
 * application imports it as a .cyjs network (File > Import > Network from File). `name` repeats
 * the label because the desktop application labels nodes by that column.
 */
export function writeCytoscape(graph: SubgraphModel, meta: ExportMeta): string {
  const document = {
    format_version: '1.0',
    generated_by: 'medicon-graph',
    target_cytoscapejs_version: '~3.34',
    data: { name: 'medicon-graph', description: meta.description, ...centralityAttributes(meta) },
    elements: {
      nodes: graph.nodes.map((node) => ({ data: { id: node.id, name: node.label, ...nodeData(node) } })),
      edges: graph.edges.map((edge) => ({
        data: { id: edge.id, source: edge.source, target: edge.target, ...edgeData(edge) },
      })),
    },
  };
  return jsonFile(document);
}
