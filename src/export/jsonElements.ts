import type { GraphEdgeModel, GraphNodeModel } from '../models';
import { kindStyle } from './kindStyle';

/**
 * The data of a node and of an edge in the JSON exports (Cytoscape.js, graphology): the graph
 * query's attributes, flattened one level, with lists kept as arrays. The relationship type is
 * both the edge's `label` and `relationship` (never `type`, which sigma.js reads as the edge
 * renderer); an edge's sources become two parallel arrays, `documents` and `quotes`, because
 * Cytoscape's desktop application reads lists of strings but not lists of objects. The network
 * metrics, once resolved, are node data too (flattened: `degree`, `betweenness`, ...), and every
 * edge has its `weight`, `via` and `viaTypes`, and `bridge` once resolved.
 */
export function nodeData(node: GraphNodeModel) {
  return {
    label: node.label,
    kind: node.kind,
    color: kindStyle(node.kind).color,
    ...node.attributes,
    ...(node.metrics ?? {}),
  };
}

export function edgeData(edge: GraphEdgeModel) {
  return {
    label: edge.type,
    relationship: edge.type,
    ...edge.attributes,
    documents: edge.sources.map((source) => source.document),
    quotes: edge.sources.map((source) => source.quote),
    weight: edge.weight,
    via: edge.via,
    viaTypes: edge.viaTypes,
    ...(edge.bridge === undefined || edge.bridge === null ? {} : { bridge: edge.bridge }),
  };
}
