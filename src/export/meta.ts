/** What an export says about itself: written into the file where the format has a place for it. */
export interface ExportMeta {
  /** One line: what the graph holds, such as "medicon-graph: themes ATMP; kinds UNIVERSITY". */
  description: string;
  /** When the file was made (GEXF's lastmodifieddate). */
  generatedAt: Date;
}
