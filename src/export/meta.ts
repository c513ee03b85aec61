import type { NetworkHandle } from '../models';

/** What an export says about itself: written into the file where the format has a place for it. */
export interface ExportMeta {
  /** One line: what the graph holds, such as "medicon-graph: themes ATMP; kinds UNIVERSITY". */
  description: string;
  /** When the file was made (GEXF's lastmodifieddate). */
  generatedAt: Date;
  /**
   * Whether the betweenness and closeness columns are estimates, and from how many source nodes
   * (Subgraph.metricsEstimated): graph-level attributes where the format has them; the description
   * says it in words.
   */
  centralities?: Pick<NetworkHandle['centralities'], 'estimated' | 'sampleSize'>;
}

/** The graph-level attributes that say whether betweenness and closeness are estimates. */
export function centralityAttributes(meta: ExportMeta): {
  metricsEstimated?: boolean;
  metricsSampleSize?: number | null;
} {
  return meta.centralities
    ? { metricsEstimated: meta.centralities.estimated, metricsSampleSize: meta.centralities.sampleSize }
    : {};
}
