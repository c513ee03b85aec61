import Graph from 'graphology';
import type { SubgraphModel } from '../models';
import { edgeData, jsonFile, nodeData } from './jsonElements';
import { centralityAttributes, type ExportMeta } from './meta';

/**
 * graphology's serialized form (`graph.export()`), which `Graph.from(json)` reads back and
 * sigma.js draws. Sigma needs positions and sizes: nodes are placed by the seeded ForceAtlas2
 * layout (src/network/layout.ts) when the export computed it, on a circle in name order otherwise,
 * and sized by degree. The graph is directed and multi: two entities can be related in several
 * ways (SUPPORTS and FUNDS).
 */
export function toGraphology(graph: SubgraphModel): Graph {
  const output = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  const count = Math.max(graph.nodes.length, 1);
  graph.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / count;
    const position = node.position ?? { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) };
    output.addNode(node.id, { ...nodeData(node), x: position.x, y: position.y });
  });
  for (const edge of graph.edges) output.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeData(edge));
  output.forEachNode((node) => output.setNodeAttribute(node, 'size', 3 + 2 * Math.sqrt(output.degree(node))));
  return output;
}

export function writeGraphologyJson(graph: SubgraphModel, meta: ExportMeta): string {
  const output = toGraphology(graph);
  output.replaceAttributes({ name: 'medicon-graph', description: meta.description, ...centralityAttributes(meta) });
  return jsonFile(output.export());
}
