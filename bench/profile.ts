/**
 * `npm run bench:profile -- --workload w1-member-page`: where the API's time goes under load.
 * Starts the benchmark's own Neo4j (bench/benchNeo4j.ts), loads the synthetic graph of `--size`
 * actors, starts the API as the benchmark runs it (bench/servers/apiServer.ts) with V8's CPU
 * profiler armed, checks the workload's answer, warms up, then records a profile of exactly the
 * timed run (autocannon, `--connections` for `--seconds`) and prints the breakdown by category
 * and the functions with the most self time (bench/cpuProfile.ts). The Markdown goes to
 * `<results-dir>/<name>.md` and the raw profile to `bench/data/<name>.cpuprofile` (which Chrome
 * DevTools and speedscope open).
 *
 * Options (defaults in brackets): --workload [w1-member-page] --size [1000] --seconds [20]
 * --connections [8] --warmup [3] --seed [42] --log-level [warn] (the API's; `info` logs every
 * request) --top [25] --name [<date>-profile-<workload>] --results-dir [bench/results]
 * --keep-neo4j --weight [samples] (or wall: see SampleWeight in ./cpuProfile); `--from <file>`
 * only summarises a profile recorded before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli';
import { PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/Database';
import { startBenchNeo4j } from './benchNeo4j';
import { requestFor } from './check';
import { profileMarkdown, summariseProfile, type CpuProfile, type SampleWeight } from './cpuProfile';
import { loadSyntheticGraph } from './loadSyntheticGraph';
import { runLoad, summarise } from './measure';
import { startServerProcess } from './serverProcesses';
import { SyntheticGraph } from './syntheticGraph';
import { buildWorkloads, loadWorkloadFixtures } from './workloads';

const positive = (text: string, name: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number, not "${text}".`);
  return value;
};

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline)
      throw new Error(`The API did not write its profile to ${file} within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

runCli(async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      workload: { type: 'string', default: 'w1-member-page' },
      size: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '3' },
      seed: { type: 'string', default: '42' },
      'log-level': { type: 'string', default: 'warn' },
      top: { type: 'string', default: '25' },
      name: { type: 'string' },
      'results-dir': { type: 'string', default: path.join('bench', 'results') },
      'keep-neo4j': { type: 'boolean', default: false },
      weight: { type: 'string', default: 'samples' },
      from: { type: 'string' },
    },
  });
  if (values.weight !== 'samples' && values.weight !== 'wall')
    throw new Error(`--weight takes samples or wall, not "${values.weight}".`);
  const weight: SampleWeight = values.weight;
  if (values.from) {
    // Summarise a profile recorded before (or by node --cpu-prof), without running anything.
    const summary = summariseProfile(JSON.parse(fs.readFileSync(values.from, 'utf8')) as CpuProfile, weight);
    console.log(profileMarkdown(summary, Math.round(positive(values.top, 'top'))));
    return;
  }
  const actors = Math.round(positive(values.size, 'size'));
  const seconds = positive(values.seconds, 'seconds');
  const connections = Math.round(positive(values.connections, 'connections'));
  const name = values.name ?? `${new Date().toISOString().slice(0, 10)}-profile-${values.workload}`;
  const resultsDir = path.resolve(PROJECT_ROOT, values['results-dir']);
  fs.mkdirSync(resultsDir, { recursive: true });
  // The raw profile (megabytes) goes to bench/data/, which git ignores; the report names it.
  const dataDir = path.join(PROJECT_ROOT, 'bench', 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const profileFile = path.join(dataDir, `${name}.cpuprofile`);
  fs.rmSync(profileFile, { force: true });

  const neo4j = await startBenchNeo4j(console.log);
  const db = await Database.connect({ ...neo4j.started, database: undefined });
  try {
    console.log(`${actors.toLocaleString('en')} actors: loading the synthetic graph (seed ${values.seed})...`);
    await loadSyntheticGraph(db, new SyntheticGraph({ actors, seed: Math.round(positive(values.seed, 'seed')) }));
    const workload = buildWorkloads(await loadWorkloadFixtures(db, actors)).find((w) => w.id === values.workload);
    if (!workload) {
      const ids = buildWorkloads(await loadWorkloadFixtures(db, actors)).map((w) => w.id);
      throw new Error(`--workload takes one of ${ids.join(', ')}, not "${values.workload}".`);
    }
    const api = await startServerProcess('api', neo4j.started, {
      BENCH_CPU_PROFILE: profileFile,
      BENCH_API_LOG_LEVEL: values['log-level'],
    });
    try {
      const request = requestFor('api', workload);
      const answer = await fetch(`${api.baseUrl}${request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
      });
      const json = (await answer.json()) as { errors?: unknown[] };
      if (!answer.ok || json.errors)
        throw new Error(`The API answers ${workload.id} with an error: ${JSON.stringify(json)}`);
      console.log(`Warming up for ${values.warmup} s, then profiling ${seconds} s at ${connections} connections...`);
      await runLoad(api, request, { connections, seconds: positive(values.warmup, 'warmup') });
      process.kill(api.pid, 'SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const run = summarise([await runLoad(api, request, { connections, seconds })]);
      process.kill(api.pid, 'SIGUSR2');
      await waitForFile(profileFile, 60_000);
      const summary = summariseProfile(JSON.parse(fs.readFileSync(profileFile, 'utf8')) as CpuProfile, weight);
      const command = `npm run bench:profile${args.length ? ` -- ${args.join(' ')}` : ''}`;
      const markdown = [
        `# CPU profile of the API: ${workload.id}`,
        '',
        `\`${command}\` on ${new Date().toISOString()}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ` +
          `load average at the end ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}, Node ${process.version}.`,
        '',
        `Workload: ${workload.title}. ${actors.toLocaleString('en')} synthetic actors (seed ${values.seed}), ` +
          `the API as the benchmark runs it (bench/servers/apiServer.ts, log level ${values['log-level']}), ` +
          `${connections} connections for ${seconds} s after ${values.warmup} s of warm-up.`,
        '',
        `Load: ${run.requests} requests, ${run.throughput.toFixed(1)} req/s, p50 ${run.p50.toFixed(1)} ms, ` +
          `p99 ${run.p99.toFixed(1)} ms, ${run.failures} failed; peak RSS ${(run.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB.`,
        '',
        profileMarkdown(summary, Math.round(positive(values.top, 'top'))),
        '',
        `The raw profile: bench/data/${path.basename(profileFile)} (not committed; open it in Chrome DevTools or speedscope). ` +
          'Categories: bench/cpuProfile.ts (a sample goes to the nearest frame of a package or of the project; ' +
          "Node's own modules and builtins go to their caller).",
        '',
      ].join('\n');
      const reportFile = path.join(resultsDir, `${name}.md`);
      fs.writeFileSync(reportFile, markdown);
      console.log(`\n${markdown}\nReport: ${path.relative(process.cwd(), reportFile)}`);
    } finally {
      await api.stop();
    }
  } finally {
    await db.close();
    if (!values['keep-neo4j']) await neo4j.release();
  }
});
