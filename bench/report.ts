import fs from 'node:fs';
import path from 'node:path';
import type { Measurement } from './measure';
import type { BenchmarkResult, SizeResult, WorkloadResult } from './runBenchmark';
import { SYSTEM_LABELS, SYSTEMS, type SystemName } from './serverProcesses';
import type { WorkloadId } from './workloads';

/**
 * The benchmark report: bench/results/<name>.md (for people) and <name>.json (every figure, for
 * tools), with the machine, the versions, the date, each figure, the ratios a/b and a/c, the
 * issue's targets met or not, and how latency grows from the smallest graph to the largest.
 */

const THROUGHPUT_WORKLOADS: WorkloadId[] = ['w2-fan-out', 'w3-page-1', 'w3-deep-page'];
const GROWTH_WORKLOADS: WorkloadId[] = ['w1-member-page', 'w3-page-1', 'w3-deep-page', 'w5-search'];
const LETTER: Record<SystemName, string> = { api: 'a', library: 'b', cypher: 'c' };

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const count = (n: number) => n.toLocaleString('en');

function measurementOf(workload: WorkloadResult, system: SystemName, concurrency: number): Measurement | undefined {
  return workload.measurements[system]?.[String(concurrency)];
}

/** A ratio of two systems' figures on one workload, or undefined when either was not timed. */
function ratio(
  workload: WorkloadResult,
  figure: 'p50' | 'throughput',
  top: SystemName,
  bottom: SystemName,
  concurrency: number,
): number | undefined {
  const a = measurementOf(workload, top, concurrency);
  const b = measurementOf(workload, bottom, concurrency);
  return a && b && a.requests > 0 && b.requests > 0 ? a[figure] / b[figure] : undefined;
}

function verdict(value: number | undefined, limit: number, better: 'lower' | 'higher', missing: string): string {
  if (value === undefined) return missing;
  const met = better === 'lower' ? value <= limit : value >= limit;
  return `${met ? '✓' : '✗'} ${times(value)}`;
}

function workloadById(size: SizeResult, id: WorkloadId): WorkloadResult | undefined {
  return size.workloads.find((w) => w.id === id);
}

/** The targets of issue 6, one row per target and workload, one column per graph size. */
export function targetRows(result: BenchmarkResult): string[][] {
  const rows: string[][] = [];
  const concurrencies = result.options.concurrencies;
  const perConcurrency = (cell: (c: number) => string) => concurrencies.map((c) => `c${c} ${cell(c)}`).join(', ');
  const ids = result.sizes[0]?.workloads.map((w) => w.id) ?? [];
  for (const id of ids) {
    rows.push([
      `(a) p50 ≤ 1.3 × (c)`,
      id,
      ...result.sizes.map((size) => {
        const w = workloadById(size, id)!;
        return perConcurrency((c) => verdict(ratio(w, 'p50', 'api', 'cypher', c), 1.3, 'lower', 'not timed'));
      }),
    ]);
  }
  for (const id of ids) {
    const limit = THROUGHPUT_WORKLOADS.includes(id) ? 1.5 : 1;
    rows.push([
      `(a) throughput ≥ ${limit} × (b)`,
      id,
      ...result.sizes.map((size) => {
        const w = workloadById(size, id)!;
        if (w.check.unsupported?.library) return '– (b) cannot be asked it';
        if (w.check.errors.library && !w.check.errors.api) return '✓ (b) failed, (a) answered';
        return perConcurrency((c) =>
          verdict(ratio(w, 'throughput', 'api', 'library', c), limit, 'higher', 'not timed'),
        );
      }),
    ]);
  }
  rows.push([
    '(a) deep page p50 ≤ 1.5 × page 1',
    'w3',
    ...result.sizes.map((size) => {
      const first = workloadById(size, 'w3-page-1');
      const deep = workloadById(size, 'w3-deep-page');
      return perConcurrency((c) => {
        const a = first && measurementOf(first, 'api', c);
        const b = deep && measurementOf(deep, 'api', c);
        return verdict(a && b ? b.p50 / a.p50 : undefined, 1.5, 'lower', 'not timed');
      });
    }),
  ]);
  if (result.sizes.length >= 2) {
    const smallest = result.sizes[0]!;
    const largest = result.sizes.at(-1)!;
    for (const id of GROWTH_WORKLOADS) {
      const a = measurementOf(workloadById(smallest, id)!, 'api', concurrencies[0]!);
      const b = measurementOf(workloadById(largest, id)!, 'api', concurrencies[0]!);
      const growth = a && b ? b.p50 / a.p50 : undefined;
      rows.push([
        `(a) p50 growth ${count(smallest.actors)} → ${count(largest.actors)} actors ≤ 1.5× (c${concurrencies[0]})`,
        id,
        ...result.sizes.map((_s, i) =>
          i === result.sizes.length - 1 ? verdict(growth, 1.5, 'lower', 'not timed') : '',
        ),
      ]);
    }
  }
  return rows;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function sizeSection(result: BenchmarkResult, size: SizeResult): string {
  const { shape } = size.load;
  const lines = [
    `## ${count(size.actors)} actors`,
    '',
    `Graph: ${count(shape.entities)} entities, ${count(shape.relationships)} relationships; actor degree mean ${shape.meanDegree.toFixed(1)}, ` +
      `median ${shape.medianDegree}, p99 ${shape.p99Degree}, max ${count(shape.maxDegree)}. Loaded in ${size.load.seconds.toFixed(0)} s. ` +
      `Fingerprint \`${size.load.fingerprint.slice(0, 16)}\`.`,
    `Workload inputs: hub \`${size.fixtures.hubId}\` (${count(size.fixtures.hubMembers)} members), deep page after ${count(size.fixtures.deepOffset)} actors, ` +
      `theme \`${size.fixtures.themeId}\`, region \`${size.fixtures.regionId}\`` +
      (size.fixtures.pathToId
        ? `, paths \`${size.fixtures.deepId}\` → \`${size.fixtures.pathToId}\` (${size.fixtures.pathHops} hops), ` +
          `neighbourhood centre \`${size.fixtures.centreId}\` (${count(size.fixtures.centreReach)} entities within 2 hops)`
        : '') +
      '.',
    '',
  ];
  for (const w of size.workloads) {
    const same = (equal: boolean, other: SystemName) => {
      if (equal) return `(a) = (${LETTER[other]}) ✓`;
      const why = w.check.unsupported?.[other];
      if (why) return `(${LETTER[other]}) not asked: ${why}`;
      return `(a) = (${LETTER[other]}) not checked: ${w.check.errors.api ? '(a)' : `(${LETTER[other]})`} failed`;
    };
    lines.push(
      `### ${w.id}: ${w.title}`,
      '',
      `Checked first: ${same(w.check.apiEqualsLibrary, 'library')}; ${same(w.check.apiEqualsCypher, 'cypher')}.`,
    );
    for (const system of SYSTEMS) {
      const error = w.check.errors[system];
      if (error) lines.push(`${SYSTEM_LABELS[system]} failed, so it was not timed: "${error.slice(0, 300)}"`);
    }
    lines.push('');
    const rows: string[][] = [];
    for (const system of SYSTEMS) {
      for (const c of result.options.concurrencies) {
        const m = measurementOf(w, system, c);
        if (!m) continue;
        rows.push([
          SYSTEM_LABELS[system],
          String(c),
          ms(m.p50),
          ms(m.p95),
          ms(m.p99),
          m.throughput.toFixed(1),
          String(w.check.roundTrips[system] ?? '–'),
          mib(m.peakMemoryBytes),
          count(m.requests),
          m.failures ? `**${m.failures}**` : '0',
        ]);
      }
    }
    lines.push(
      table(
        [
          'system',
          'concurrency',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'req/s',
          'round trips',
          'peak RSS MiB',
          'requests',
          'failed',
        ],
        rows,
      ),
      '',
    );
    const ratios = result.options.concurrencies.map(
      (c) =>
        `c${c}: a/b p50 ${times(ratio(w, 'p50', 'api', 'library', c) ?? NaN)}, a/b throughput ${times(ratio(w, 'throughput', 'api', 'library', c) ?? NaN)}, ` +
        `a/c p50 ${times(ratio(w, 'p50', 'api', 'cypher', c) ?? NaN)}, a/c throughput ${times(ratio(w, 'throughput', 'api', 'cypher', c) ?? NaN)}`,
    );
    lines.push(`Ratios: ${ratios.join('; ')}.`, '');
  }
  return lines.join('\n');
}

function growthSection(result: BenchmarkResult): string {
  const c = result.options.concurrencies[0]!;
  const rows: string[][] = [];
  for (const w of result.sizes[0]?.workloads ?? []) {
    for (const system of SYSTEMS) {
      const p50s = result.sizes.map((size) => measurementOf(workloadById(size, w.id)!, system, c)?.p50);
      const first = p50s[0];
      const last = p50s.at(-1);
      rows.push([
        w.id,
        SYSTEM_LABELS[system],
        ...p50s.map((p) => (p === undefined ? 'failed' : ms(p))),
        first && last ? times(last / first) : '–',
      ]);
    }
  }
  const sizes = result.sizes.map((s) => `${count(s.actors)} actors`);
  return [
    `## Growth of p50 latency with the graph (concurrency ${c}, ms)`,
    '',
    table(['workload', 'system', ...sizes, `growth ${sizes[0]} → ${sizes.at(-1)}`], rows),
    '',
  ].join('\n');
}

/** The report as Markdown. */
export function formatReport(result: BenchmarkResult): string {
  const env = result.environment;
  const o = result.options;
  const header = [
    '# Benchmark: this API, @neo4j/graphql and hand-written Cypher',
    '',
    `Run on ${env.date.slice(0, 10)} (${env.date}), ${result.minutes.toFixed(1)} minutes, with \`${o.command}\`.`,
    '',
    '## Machine and versions',
    '',
    table(
      ['', ''],
      [
        [
          'CPU',
          `${env.cpu}, ${env.cores} cores (shared with other work: load average ${env.loadAverageAtStart.join(', ')} at the start)`,
        ],
        ['memory', `${env.memoryGiB} GiB`],
        ['OS', env.os],
        ['Node.js', env.node],
        ['Neo4j', env.neo4j],
        [
          'packages',
          Object.entries(env.packages)
            .map(([p, v]) => `${p} ${v}`)
            .join(', '),
        ],
        ['commit', `\`${env.commit}\``],
      ],
    ),
    '',
    '## Method',
    '',
    `- Systems: ${SYSTEMS.map((s) => SYSTEM_LABELS[s]).join('; ')}. Each runs in its own Node process on the same machine, against the same Neo4j ` +
      'and the same data: (a) is `createServer` as `npm start` serves it; (b) is the Neo4j GraphQL Library with the schema in ' +
      '`bench/neo4jGraphql/typeDefs.graphql`, on the same Apollo Server and Express; (c) runs one query from `cypher/bench/baseline/` per request ' +
      "through the project's `Database` class and answers JSON from a bare Express route.",
    `- Data: the synthetic graph of \`bench/syntheticGraph.ts\` (seed ${o.seed}): the labels, relationship types and properties of the curated graph, ` +
      "power-law degrees, about ten relationships per actor, loaded afresh for each size into the benchmark's own Neo4j.",
    '- Each workload is checked before it is timed: the answers of (a), (b) and (c), turned into one canonical form, must be equal. ' +
      'A system that fails a workload (an error, a timeout) is reported and not timed there.',
    `- Load: autocannon, ${o.warmupSeconds} s of warm-up per system and workload at concurrency ${Math.max(...o.concurrencies)}, then at each concurrency ` +
      `(${o.concurrencies.join(' and ')}) ${o.rounds} round(s) of ${o.seconds} s per system, the order of the systems rotating per round. ` +
      'Latency percentiles pool every response of the rounds; throughput is 2xx responses per second; round trips are the Cypher queries of one ' +
      "request as the system counts them (`extensions.queryCount`; for (b) by wrapping the driver); peak RSS is the server process's VmHWM during " +
      'the timed runs of that row (reset before each run).',
    '',
    '## Targets',
    '',
    table(['target', 'workload', ...result.sizes.map((s) => `${count(s.actors)} actors`)], targetRows(result)),
    '',
  ];
  return [
    ...header,
    ...(result.sizes.length >= 2 ? [growthSection(result)] : []),
    ...result.sizes.map((size) => sizeSection(result, size)),
  ].join('\n');
}

/** Writes `<resultsDir>/<reportName>.md` and `.json`; returns the Markdown file's path. */
export function writeReport(result: BenchmarkResult, resultsDir: string): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, result.options.reportName);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, formatReport(result));
  return `${base}.md`;
}
