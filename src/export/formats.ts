import type { SubgraphModel } from '../models';
import { writeGephiEdges, writeGephiNodes, writeKumuConnections, writeKumuElements } from './csv';
import { writeCytoscape } from './cytoscape';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeGraphologyJson } from './graphologyJson';
import type { ExportMeta } from './meta';

/** One downloadable format of a graph: how it is written and how it is served. */
export interface ExportFormat {
  /** What it is for, in a few words (the explorer's button title, the 404's list). */
  title: string;
  /** The Content-Type header. */
  contentType: string;
  /** The file name the browser saves it under (Content-Disposition). */
  fileName: string;
  write(graph: SubgraphModel, meta: ExportMeta): string;
  /** Whether the file carries node positions: the export then computes the seeded layout first. */
  positions?: boolean;
}

const XML = 'charset=utf-8';
const CSV = 'text/csv; charset=utf-8; header=present';

/** Every export, by the name that /export/{format} takes. */
export const EXPORT_FORMATS = {
  graphml: {
    title: 'GraphML (Gephi, yEd, Cytoscape, NetworkX)',
    contentType: `application/graphml+xml; ${XML}`,
    fileName: 'medicon-graph.graphml',
    write: writeGraphml,
  },
  gexf: {
    title: 'GEXF 1.3, dynamic (Gephi)',
    contentType: `application/gexf+xml; ${XML}`,
    fileName: 'medicon-graph.gexf',
    write: writeGexf,
    positions: true,
  },
  cytoscape: {
    title: 'Cytoscape.js JSON (also Cytoscape desktop)',
    contentType: 'application/json; charset=utf-8',
    fileName: 'medicon-graph.cyjs',
    write: writeCytoscape,
  },
  graphology: {
    title: 'graphology JSON (sigma.js)',
    contentType: 'application/json; charset=utf-8',
    fileName: 'medicon-graph.graphology.json',
    write: writeGraphologyJson,
    positions: true,
  },
  'kumu-elements': {
    title: 'Kumu elements (CSV)',
    contentType: CSV,
    fileName: 'medicon-graph-kumu-elements.csv',
    write: writeKumuElements,
  },
  'kumu-connections': {
    title: 'Kumu connections (CSV)',
    contentType: CSV,
    fileName: 'medicon-graph-kumu-connections.csv',
    write: writeKumuConnections,
  },
  'gephi-nodes': {
    title: 'Gephi nodes table (CSV)',
    contentType: CSV,
    fileName: 'medicon-graph-gephi-nodes.csv',
    write: writeGephiNodes,
  },
  'gephi-edges': {
    title: 'Gephi edges table (CSV)',
    contentType: CSV,
    fileName: 'medicon-graph-gephi-edges.csv',
    write: writeGephiEdges,
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export function isExportFormatName(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
