/**
 * `npm run bench`: the performance benchmark of issue 6. Starts the benchmark's own Neo4j
 * (bench/benchNeo4j.ts: its own port and data folder, never the curated graph), then for each
 * size loads a synthetic graph and times this API, @neo4j/graphql and hand-written Cypher on the
 * five workloads (bench/runBenchmark.ts), and writes bench/results/<date>.md and .json.
 *
 * Options (defaults in brackets): --sizes [1000,10000,100000] --seconds [3] (one timed run)
 * --rounds [2] --warmup [2] --concurrency [1,16] --seed [42] --name [<date>]
 * --results-dir [bench/results] --keep-neo4j (leave the server running afterwards).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli';
import { PROJECT_ROOT } from '../src/config';
import { neo4jVersion } from '../src/neo4j/localServer';
import { benchInstance, startBenchNeo4j } from './benchNeo4j';
import { runBenchmark } from './runBenchmark';

const numbers = (text: string, name: string) => {
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0))
    throw new Error(`--${name} takes positive numbers separated by commas, not "${text}".`);
  return values;
};

runCli(async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      seconds: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '2' },
      warmup: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '1,16' },
      seed: { type: 'string', default: '42' },
      name: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      'results-dir': { type: 'string', default: path.join('bench', 'results') },
      'keep-neo4j': { type: 'boolean', default: false },
    },
  });
  const instance = benchInstance();
  const neo4j = await startBenchNeo4j(console.log);
  // Ctrl-C: the server processes stop on their own (their stdin closes); stop the Neo4j we started.
  process.once('SIGINT', () => {
    void (values['keep-neo4j'] ? Promise.resolve() : neo4j.release()).finally(() => process.exit(130));
  });
  try {
    const { result, reportFile } = await runBenchmark({
      sizes: numbers(values.sizes, 'sizes').map(Math.round),
      seconds: numbers(values.seconds, 'seconds')[0]!,
      rounds: Math.round(numbers(values.rounds, 'rounds')[0]!),
      warmupSeconds: numbers(values.warmup, 'warmup')[0]!,
      concurrencies: numbers(values.concurrency, 'concurrency').map(Math.round),
      seed: Math.round(numbers(values.seed, 'seed')[0]!),
      neo4j: neo4j.started,
      neo4jDescription:
        `${neo4jVersion()} Community, the benchmark's own instance (bolt port ${instance.settings.boltPort}), ` +
        `heap ${instance.settings.heapSize}, page cache ${instance.settings.pageCacheSize}`,
      resultsDir: path.resolve(PROJECT_ROOT, values['results-dir']),
      reportName: values.name,
      command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
      log: console.log,
    });
    console.log(`\nDone in ${result.minutes.toFixed(1)} minutes. Report: ${path.relative(process.cwd(), reportFile)}`);
  } finally {
    if (!values['keep-neo4j']) await neo4j.release();
  }
});
