import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/Database';
import type { StartResult } from '../src/neo4j/localServer';
import { checkWorkload, requestFor, type CheckResult } from './check';
import { loadSyntheticGraph, type LoadSummary } from './loadSyntheticGraph';
import { runLoad, summarise, type LoadOptions, type LoadRun, type Measurement } from './measure';
import { writeReport } from './report';
import { startServerProcess, SYSTEMS, type ServerProcess, type SystemName } from './serverProcesses';
import { SyntheticGraph } from './syntheticGraph';
import { buildWorkloads, loadWorkloadFixtures, type WorkloadFixtures, type WorkloadId } from './workloads';

export interface BenchmarkOptions {
  /** Numbers of actors, one synthetic graph each, smallest first. */
  sizes: number[];
  seed: number;
  /** Length of one timed run of one system. */
  seconds: number;
  /** Timed runs per system, workload and concurrency; the order of the systems rotates per round. */
  rounds: number;
  /** Untimed load per system and workload before the timed runs. */
  warmupSeconds: number;
  concurrencies: number[];
  /** The benchmark database (emptied and reloaded for each size). */
  neo4j: Pick<StartResult, 'uri' | 'user' | 'password'>;
  /** How the database runs, for the report (version, heap, page cache). */
  neo4jDescription: string;
  resultsDir: string;
  /** The report's file name without extension. */
  reportName: string;
  /** The command that produced the run, for the report. */
  command: string;
  log: (message: string) => void;
}

export interface WorkloadResult {
  id: WorkloadId;
  title: string;
  check: {
    apiEqualsLibrary: boolean;
    apiEqualsCypher: boolean;
    roundTrips: Partial<Record<SystemName, number>>;
    errors: Partial<Record<SystemName, string>>;
    /** Systems that cannot be asked the workload, and why (not timed, not failed). */
    unsupported?: Partial<Record<SystemName, string>>;
  };
  /** Per system, per concurrency (as a string key, for JSON). */
  measurements: Partial<Record<SystemName, Record<string, Measurement>>>;
}

export interface SizeResult {
  actors: number;
  load: LoadSummary;
  fixtures: WorkloadFixtures;
  workloads: WorkloadResult[];
}

export interface Environment {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  loadAverageAtStart: number[];
  node: string;
  neo4j: string;
  packages: Record<string, string>;
  commit: string;
}

export interface BenchmarkResult {
  environment: Environment;
  options: Omit<BenchmarkOptions, 'neo4j' | 'log' | 'resultsDir'>;
  sizes: SizeResult[];
  minutes: number;
}

export class BenchmarkInvalidError extends Error {
  override name = 'BenchmarkInvalidError';
}

const PACKAGES = ['@apollo/server', '@neo4j/graphql', 'graphql', 'neo4j-driver', 'dataloader', 'express', 'autocannon'];

function packageVersion(name: string): string {
  const file = path.join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

function gitDescribe(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function environment(neo4j: string): Environment {
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    neo4j,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
    commit: gitDescribe(),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rotates the systems so that none always runs first (or right after another's heavy run). */
function rotation(offset: number): SystemName[] {
  return SYSTEMS.map((_s, i) => SYSTEMS[(i + offset) % SYSTEMS.length]!);
}

/**
 * Runs the whole benchmark: for each size, loads the synthetic graph, starts the three systems
 * in their own processes, and for each workload checks that (a) returns the same data as (b) and
 * (c), warms each system up, then times them with autocannon at each concurrency, alternating
 * the systems round by round. A system that cannot answer a workload (an error, a timeout) is
 * reported as failed there and not timed; answers that differ stop the run with
 * BenchmarkInvalidError. Writes the results as JSON and Markdown to `resultsDir` and returns them.
 */
export async function runBenchmark(
  options: BenchmarkOptions,
): Promise<{ result: BenchmarkResult; reportFile: string }> {
  const { log } = options;
  const started = Date.now();
  const db = await Database.connect({ ...options.neo4j, database: undefined });
  const sizes: SizeResult[] = [];
  try {
    const env = environment(options.neo4jDescription);
    for (const actors of options.sizes) {
      log(
        `\n${actors.toLocaleString('en')} actors: generating and loading the synthetic graph (seed ${options.seed})...`,
      );
      const load = await loadSyntheticGraph(db, new SyntheticGraph({ actors, seed: options.seed }), log);
      log(
        `  loaded in ${load.seconds.toFixed(0)} s: ${load.shape.entities} entities, ${load.shape.relationships} relationships, max actor degree ${load.shape.maxDegree}`,
      );
      const fixtures = await loadWorkloadFixtures(db, actors);
      const started = await Promise.all(SYSTEMS.map((system) => startServerProcess(system, options.neo4j)));
      const servers = Object.fromEntries(started.map((s) => [s.system, s])) as Record<SystemName, ServerProcess>;
      try {
        const workloads: WorkloadResult[] = [];
        for (const [index, workload] of buildWorkloads(fixtures).entries()) {
          workloads.push(await benchmarkWorkload(servers, workload, index, options));
        }
        sizes.push({ actors, load, fixtures, workloads });
      } finally {
        await Promise.all(started.map((s) => s.stop()));
      }
    }
    const result: BenchmarkResult = {
      environment: env,
      options: {
        sizes: options.sizes,
        seed: options.seed,
        seconds: options.seconds,
        rounds: options.rounds,
        warmupSeconds: options.warmupSeconds,
        concurrencies: options.concurrencies,
        neo4jDescription: options.neo4jDescription,
        reportName: options.reportName,
        command: options.command,
      },
      sizes,
      minutes: (Date.now() - started) / 60_000,
    };
    const reportFile = writeReport(result, options.resultsDir);
    return { result, reportFile };
  } finally {
    await db.close();
  }
}

async function benchmarkWorkload(
  servers: Record<SystemName, ServerProcess>,
  workload: ReturnType<typeof buildWorkloads>[number],
  index: number,
  options: BenchmarkOptions,
): Promise<WorkloadResult> {
  const { log } = options;
  const check: CheckResult = await checkWorkload(servers, workload);
  if (check.differences.length > 0) {
    throw new BenchmarkInvalidError(
      `${workload.id}: the systems return different data, so timing them means nothing: ${check.differences.join('; ')}.`,
    );
  }
  const failed = SYSTEMS.filter((s) => check.answers[s].error !== undefined);
  const unsupported = SYSTEMS.filter((s) => check.answers[s].unsupported !== undefined);
  log(
    `  ${workload.id}: (a) = (b) ${check.apiEqualsLibrary ? 'yes' : unsupported.includes('library') ? 'not asked' : 'no'}, (a) = (c) ${check.apiEqualsCypher ? 'yes' : 'no'}` +
      (failed.length
        ? `; failed: ${failed.map((s) => `${s} (${check.answers[s].error!.slice(0, 100)})`).join(', ')}`
        : ''),
  );
  const timed = SYSTEMS.filter((s) => !failed.includes(s) && !unsupported.includes(s));
  const plan = (system: SystemName, connections: number, seconds: number): LoadOptions => {
    // A request's latency under load, roughly: its latency alone (from the check) times the
    // requests that share each core. When that is long against the run, a timed run would end
    // with requests still in flight, whose work would then slow the next system's run; such a
    // system gets a fixed number of requests instead (two per connection), all awaited.
    const expected = (check.answers[system].milliseconds ?? 0) * Math.max(1, connections / os.cpus().length);
    return expected > (seconds * 1000) / 4
      ? { connections, seconds, requests: 2 * connections }
      : { connections, seconds };
  };
  const load = async (system: SystemName, options: LoadOptions): Promise<LoadRun> => {
    const run = await runLoad(servers[system], requestFor(system, workload), options);
    if (options.requests === undefined) {
      // Requests cut off at the end of the run may still be running in Neo4j: let them finish.
      await sleep(Math.min(2000, check.answers[system].milliseconds ?? 0));
      // Not even one answer per connection: the estimate was wrong; measure a fixed number instead.
      if (run.latencies.length < options.connections)
        return runLoad(servers[system], requestFor(system, workload), {
          ...options,
          requests: 2 * options.connections,
        });
    }
    return run;
  };
  const warmupConnections = Math.max(...options.concurrencies);
  for (const system of timed) await load(system, plan(system, warmupConnections, options.warmupSeconds));
  const measurements: WorkloadResult['measurements'] = {};
  for (const connections of options.concurrencies) {
    const runs = new Map<SystemName, LoadRun[]>(timed.map((s) => [s, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const system of rotation(round + index)) {
        if (!timed.includes(system)) continue;
        runs.get(system)!.push(await load(system, plan(system, connections, options.seconds)));
      }
    }
    for (const [system, systemRuns] of runs) {
      const measurement = summarise(systemRuns);
      (measurements[system] ??= {})[String(connections)] = measurement;
      log(
        `    ${system.padEnd(7)} c=${String(connections).padEnd(2)} p50 ${measurement.p50.toFixed(1)} ms, p99 ${measurement.p99.toFixed(1)} ms, ` +
          `${measurement.throughput.toFixed(1)} req/s, ${measurement.requests} requests${measurement.failures ? `, ${measurement.failures} failed` : ''}`,
      );
    }
  }
  const roundTrips: WorkloadResult['check']['roundTrips'] = {};
  const errors: WorkloadResult['check']['errors'] = {};
  const notAsked: NonNullable<WorkloadResult['check']['unsupported']> = {};
  for (const system of SYSTEMS) {
    const answer = check.answers[system];
    if (answer.roundTrips !== undefined) roundTrips[system] = answer.roundTrips;
    if (answer.error !== undefined) errors[system] = answer.error;
    if (answer.unsupported !== undefined) notAsked[system] = answer.unsupported;
  }
  return {
    id: workload.id,
    title: workload.title,
    check: {
      apiEqualsLibrary: check.apiEqualsLibrary,
      apiEqualsCypher: check.apiEqualsCypher,
      roundTrips,
      errors,
      unsupported: notAsked,
    },
    measurements,
  };
}
