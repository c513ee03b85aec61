import type { CandidateKind } from './extractCandidates';
import type { GapReport, NameGap } from './findGaps';
import { nameKey } from './tokenize';

const KINDS: CandidateKind[] = ['acronym', 'name', 'capitalised', 'pattern', 'listed'];
const SENTENCE_WIDTH = 220;

/**
 * The report for people: per document, its unresolved names (one line per name, with the lines it
 * stands on) and its unexplained relation sentences, then stale exclusions and a summary table.
 */
export function formatGapReport(report: GapReport): string {
  const lines: string[] = [
    '# medicon-graph completeness check',
    '',
    `seed/: ${report.seed.entities} entities, ${report.seed.relationships} relationships; ${report.totals.excluded} gaps excluded by seed/exclusions.yaml.`,
  ];
  for (const document of report.documents) {
    const names = groupNames(document.names);
    lines.push(
      '',
      `## ${document.doc}: ${names.length} unresolved names (${document.names.length} occurrences), ${document.sentences.length} unexplained sentences`,
    );
    if (names.length > 0) lines.push('', 'Unresolved names (line, kind, text):');
    for (const { first, lines: at, count } of names) {
      const also = at.length > 1 ? `  (${count}×, lines ${at.join(', ')})` : '';
      lines.push(`  ${String(first.line).padStart(4)}  ${first.kind.padEnd(11)}  ${first.text}${also}`);
    }
    if (document.sentences.length > 0)
      lines.push('', 'Unexplained relation sentences (line, cue, entities; * joined to none of the others):');
    for (const gap of document.sentences) {
      const text = gap.text.length > SENTENCE_WIDTH ? `${gap.text.slice(0, SENTENCE_WIDTH - 3)}...` : gap.text;
      const entities = gap.entities.map((e) => `${gap.unjoined.includes(e.id) ? '*' : ''}${e.id}`).join(', ');
      lines.push(`  ${String(gap.line).padStart(4)}  "${gap.cue}": ${entities}`, `        ${text}`);
    }
  }
  if (report.stale.length > 0) {
    lines.push('', `## Stale exclusions: ${report.stale.length}`, '');
    for (const stale of report.stale) lines.push(`  ${stale.where}: ${stale.message}`);
  }
  lines.push(
    '',
    '## Summary',
    '',
    `| document | ${KINDS.join(' | ')} | names | sentences |`,
    `|---|${KINDS.map(() => '---:|').join('')}---:|---:|`,
  );
  for (const document of report.documents) {
    const count = (kind: CandidateKind) => groupNames(document.names.filter((n) => n.kind === kind)).length;
    lines.push(
      `| ${document.doc} | ${KINDS.map(count).join(' | ')} | ${groupNames(document.names).length} | ${document.sentences.length} |`,
    );
  }
  const { totals } = report;
  lines.push(
    '',
    `${totals.distinctNames} unresolved names (${totals.names} occurrences), ${totals.sentences} unexplained sentences, ${totals.stale} stale exclusions.` +
      (totals.names + totals.sentences + totals.stale === 0 ? ' Nothing is missing.' : ''),
  );
  return lines.join('\n');
}

/** A document's name gaps, one group per name (as `nameKey` folds it), in order of first line. */
function groupNames(names: NameGap[]): { first: NameGap; lines: number[]; count: number }[] {
  const groups = new Map<string, { first: NameGap; lines: number[]; count: number }>();
  for (const gap of names) {
    const key = nameKey(gap.text);
    const group = groups.get(key);
    if (!group) groups.set(key, { first: gap, lines: [gap.line], count: 1 });
    else {
      group.count++;
      if (!group.lines.includes(gap.line)) group.lines.push(gap.line);
    }
  }
  return [...groups.values()].sort((a, b) => a.first.line - b.first.line);
}
