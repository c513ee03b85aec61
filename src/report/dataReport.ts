import { cypher } from '../db/cypher';
import type { Database } from '../db/Database';

export interface DataReport {
  entities: { label: string; kind: string | null; count: number }[];
  relationships: { type: string; count: number }[];
  sources: { source: string; language: string; nodeCitations: number; relationshipCitations: number }[];
  defects: { defect: string; count: number; examples: string[] }[];
}

/** Counts and defects of the graph as it is in Neo4j (cypher/report/*.cypher). */
export async function buildDataReport(db: Database): Promise<DataReport> {
  const [entities, relationships, sources, defects] = await Promise.all([
    db.read(cypher('report/countsByLabel')),
    db.read(cypher('report/countsByType')),
    db.read(cypher('report/languages')),
    db.read(cypher('report/defects')),
  ]);
  return {
    entities: entities as DataReport['entities'],
    relationships: relationships as DataReport['relationships'],
    sources: sources as DataReport['sources'],
    defects: defects as DataReport['defects'],
  };
}

export function totalDefects(report: DataReport): number {
  return report.defects.reduce((sum, d) => sum + d.count, 0);
}

/** The report as Markdown. */
export function formatDataReport(report: DataReport): string {
  const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
  const byLabel = new Map<string, number>();
  for (const row of report.entities) byLabel.set(row.label, (byLabel.get(row.label) ?? 0) + row.count);
  const lines = [
    '# medicon-graph data report',
    '',
    `${sum(report.entities)} entities, ${sum(report.relationships)} relationships (figures' HAS_FIGURE included), ${report.sources.length} source documents.`,
    '',
    '## Entities per kind',
    '',
    '| label | kind | count |',
    '|---|---|---:|',
    ...report.entities.map((r) => `| ${r.label} | ${r.kind ?? ''} | ${r.count} |`),
    ...[...byLabel].map(([label, count]) => `| **${label}** | *all* | **${count}** |`),
    '',
    '## Relationships per type',
    '',
    '| type | count |',
    '|---|---:|',
    ...report.relationships.map((r) => `| ${r.type} | ${r.count} |`),
    '',
    '## Citations per source document',
    '',
    '| source | language | on nodes | on relationships |',
    '|---|---|---:|---:|',
    ...report.sources.map((s) => `| ${s.source} | ${s.language} | ${s.nodeCitations} | ${s.relationshipCitations} |`),
    '',
    '## Defects (must all be zero)',
    '',
    '| defect | count | examples |',
    '|---|---:|---|',
    ...report.defects.map((d) => `| ${d.defect} | ${d.count} | ${d.examples.join('; ')} |`),
    '',
    `Total defects: ${totalDefects(report)}.`,
  ];
  return lines.join('\n');
}
