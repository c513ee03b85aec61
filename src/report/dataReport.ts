import { cypher } from '../db/cypher';
import type { Database } from '../db/Database';
import { BASES } from '../seed/model';

export interface DataReport {
  entities: { label: string; kind: string | null; count: number }[];
  /** Per type, basis ('' when missing) and whether the loader derived it. */
  relationships: { type: string; basis: string; derived: boolean; count: number }[];
  figures: { basis: string; count: number }[];
  sources: { source: string; language: string; nodeCitations: number; relationshipCitations: number }[];
  defects: { defect: string; count: number; examples: string[] }[];
}

/** Counts and defects of the graph as it is in Neo4j (cypher/report/*.cypher). */
export async function buildDataReport(db: Database): Promise<DataReport> {
  const [entities, relationships, figures, sources, defects] = await Promise.all([
    db.read(cypher('report/countsByLabel')),
    db.read(cypher('report/countsByType')),
    db.read(cypher('report/figuresByBasis')),
    db.read(cypher('report/languages')),
    db.read(cypher('report/defects')),
  ]);
  return {
    entities: entities as DataReport['entities'],
    relationships: relationships as DataReport['relationships'],
    figures: figures as DataReport['figures'],
    sources: sources as DataReport['sources'],
    defects: defects as DataReport['defects'],
  };
}

export function totalDefects(report: DataReport): number {
  return report.defects.reduce((sum, d) => sum + d.count, 0);
}

/** The columns of the basis tables: each basis, derived relationships apart, and missing ones. */
const BASIS_COLUMNS = [
  ...BASES.map((basis) => ({ basis, derived: false })),
  ...BASES.map((basis) => ({ basis, derived: true })),
];

/**
 * Relationships per type with one column per basis. HAS_FIGURE is left out of the basis table
 * (a figure's basis is the figure's own, counted under "Figures per basis").
 */
function basisTable(rows: DataReport['relationships']): string[] {
  const byType = new Map<string, Map<string, number>>();
  const cell = (basis: string, derived: boolean) => `${basis}${derived ? ' (derived)' : ''}`;
  for (const row of rows) {
    const cells = byType.get(row.type) ?? new Map<string, number>();
    cells.set(cell(row.basis, row.derived), (cells.get(cell(row.basis, row.derived)) ?? 0) + row.count);
    byType.set(row.type, cells);
  }
  const columns = BASIS_COLUMNS.filter((c) =>
    rows.some((r) => r.basis === c.basis && r.derived === c.derived && r.type !== 'HAS_FIGURE'),
  );
  const header = ['type', ...columns.map((c) => cell(c.basis, c.derived)), 'total'];
  const lines = [`| ${header.join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|---:|`];
  const totals = new Map<string, number>();
  for (const [type, cells] of byType) {
    if (type === 'HAS_FIGURE') continue;
    const values = columns.map((c) => cells.get(cell(c.basis, c.derived)) ?? 0);
    columns.forEach((c, i) =>
      totals.set(cell(c.basis, c.derived), (totals.get(cell(c.basis, c.derived)) ?? 0) + values[i]!),
    );
    lines.push(`| ${type} | ${values.join(' | ')} | ${values.reduce((a, b) => a + b, 0)} |`);
  }
  const totalValues = columns.map((c) => totals.get(cell(c.basis, c.derived)) ?? 0);
  lines.push(
    `| **all** | ${totalValues.map((v) => `**${v}**`).join(' | ')} | **${totalValues.reduce((a, b) => a + b, 0)}** |`,
  );
  return lines;
}

/** The report as Markdown. */
export function formatDataReport(report: DataReport): string {
  const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
  const byLabel = new Map<string, number>();
  for (const row of report.entities) byLabel.set(row.label, (byLabel.get(row.label) ?? 0) + row.count);
  const betweenEntities = report.relationships.filter((r) => r.type !== 'HAS_FIGURE');
  const lines = [
    '# medicon-graph data report',
    '',
    `${sum(report.entities)} entities, ${sum(betweenEntities)} relationships between them, ${sum(report.figures)} figures, ` +
      `${report.sources.length} source documents.`,
    '',
    '## Entities per kind',
    '',
    '| label | kind | count |',
    '|---|---|---:|',
    ...report.entities.map((r) => `| ${r.label} | ${r.kind ?? ''} | ${r.count} |`),
    ...[...byLabel].map(([label, count]) => `| **${label}** | *all* | **${count}** |`),
    '',
    '## Relationships per type and basis',
    '',
    'STATED: the quote says it; IMPLIED: a reasonable reading of the quoted context; INFERRED: modelling or',
    'general knowledge, with a note. Derived: written by the loader from an entity field (partOf, broader,',
    'strategy, parent).',
    '',
    ...basisTable(report.relationships),
    '',
    '## Figures per basis',
    '',
    '| basis | count |',
    '|---|---:|',
    ...report.figures.map((r) => `| ${r.basis || '(none)'} | ${r.count} |`),
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
