/**
 * `npm run bench:overhead -- --workload w1-member-page`: what the server adds to a request, by
 * asking the same GraphQL document three ways against the same Neo4j and graph:
 *
 *  1. bare graphql-js `execute` in this process: the project's schema and resolvers (built as
 *     Apollo builds them, with @graphql-tools/schema), a fresh request context (loaders, round-trip
 *     counter) per request, the document parsed once; no validation, limits, plugins or HTTP;
 *  2. Apollo Server's `executeOperation` in this process, on the server `createServer` builds:
 *     adds Apollo's request pipeline (document store, validation rules, the cost limit, the
 *     metrics, error and query-count plugins), still without HTTP;
 *  3. the API over HTTP in its own process, as the benchmark runs it (bench/servers/apiServer.ts),
 *     driven by autocannon: adds express, the middleware (metrics, request log, CORS,
 *     compression, body parsing) and the JSON response.
 *
 * Each way runs `--connections` requests at a time for `--seconds` after `--warmup` seconds, at
 * each concurrency. The report (p50, p99, req/s per way) goes to `<results-dir>/<name>.md`.
 * Options (defaults in brackets): --workload [w1-member-page] --size [1000] --seconds [10]
 * --warmup [3] --concurrency [1,8] --seed [42] --name [<date>-overhead-<workload>]
 * --results-dir [bench/results] --keep-neo4j.
 */
import type { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type GraphQLSchema } from 'graphql';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli';
import { PROJECT_ROOT } from '../src/config';
import { createContext, type Context } from '../src/context';
import { Database } from '../src/db/Database';
import { resolvers } from '../src/resolvers';
import { createServer } from '../src/server/createServer';
import { loadTypeDefs } from '../src/server/loadTypeDefs';
import { silentLogger } from '../src/server/logging';
import { startBenchNeo4j } from './benchNeo4j';
import { requestFor } from './check';
import { percentile, runLoad, summarise } from './measure';
import { startServerProcess } from './serverProcesses';
import { SyntheticGraph } from './syntheticGraph';
import { loadSyntheticGraph } from './loadSyntheticGraph';
import { buildWorkloads, loadWorkloadFixtures, type GraphQLRequest } from './workloads';

interface Figures {
  requests: number;
  failures: number;
  p50: number;
  p99: number;
  throughput: number;
}

/**
 * Runs `once` with `connections` requests in flight for `seconds` (each worker starts its next
 * request when its last one ends, as autocannon's connections do) and returns the latencies.
 */
async function closedLoop(once: () => Promise<boolean>, connections: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (await once()) latencies.push(performance.now() - t);
        else failures += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / elapsed,
  };
}

function bareExecute(schema: GraphQLSchema, db: Database, request: GraphQLRequest): () => Promise<boolean> {
  const document = parse(request.query);
  return async () => {
    const result = await execute({
      schema,
      document,
      variableValues: request.variables,
      contextValue: createContext(db, { log: silentLogger }),
    });
    return !result.errors?.length;
  };
}

function apolloExecute(apollo: ApolloServer<Context>, db: Database, request: GraphQLRequest): () => Promise<boolean> {
  return async () => {
    const response = await apollo.executeOperation(
      { query: request.query, variables: request.variables },
      { contextValue: createContext(db, { log: silentLogger }) },
    );
    return response.body.kind === 'single' && !response.body.singleResult.errors?.length;
  };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

runCli(async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      workload: { type: 'string', default: 'w1-member-page' },
      size: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '1,8' },
      seed: { type: 'string', default: '42' },
      name: { type: 'string' },
      'results-dir': { type: 'string', default: path.join('bench', 'results') },
      'keep-neo4j': { type: 'boolean', default: false },
    },
  });
  const number = (text: string, name: string) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes positive numbers, not "${text}".`);
    return value;
  };
  const actors = Math.round(number(values.size, 'size'));
  const seconds = number(values.seconds, 'seconds');
  const warmup = number(values.warmup, 'warmup');
  const concurrencies = values.concurrency.split(',').map((c) => Math.round(number(c, 'concurrency')));
  const name = values.name ?? `${new Date().toISOString().slice(0, 10)}-overhead-${values.workload}`;

  const neo4j = await startBenchNeo4j(console.log);
  const db = await Database.connect({ ...neo4j.started, database: undefined });
  try {
    console.log(`${actors.toLocaleString('en')} actors: loading the synthetic graph (seed ${values.seed})...`);
    await loadSyntheticGraph(db, new SyntheticGraph({ actors, seed: Math.round(number(values.seed, 'seed')) }));
    const workloads = buildWorkloads(await loadWorkloadFixtures(db, actors));
    const workload = workloads.find((w) => w.id === values.workload);
    if (!workload)
      throw new Error(`--workload takes one of ${workloads.map((w) => w.id).join(', ')}, not "${values.workload}".`);

    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
    const inProcess = await createServer({ db, logger: silentLogger, settings: { exposeQueryCount: false } });
    const api = await startServerProcess('api', neo4j.started);
    const rows: string[][] = [];
    try {
      const httpRequest = requestFor('api', workload);
      const ways: [string, (connections: number, seconds: number) => Promise<Figures>][] = [
        ['1. bare graphql-js execute (in process)', (c, s) => closedLoop(bareExecute(schema, db, workload.api), c, s)],
        [
          '2. Apollo executeOperation (in process)',
          (c, s) => closedLoop(apolloExecute(inProcess.apollo, db, workload.api), c, s),
        ],
        [
          '3. the API over HTTP (own process)',
          async (c, s) => summarise([await runLoad(api, httpRequest, { connections: c, seconds: s })]),
        ],
      ];
      for (const connections of concurrencies) {
        const bare: Figures[] = [];
        for (const [label, run] of ways) {
          await run(connections, warmup);
          const figures = await run(connections, seconds);
          bare.push(figures);
          const vsBare = bare[0]!;
          console.log(
            `  c=${connections} ${label}: p50 ${ms(figures.p50)} ms, p99 ${ms(figures.p99)} ms, ${figures.throughput.toFixed(1)} req/s, ${figures.requests} requests, ${figures.failures} failed`,
          );
          rows.push([
            String(connections),
            label,
            ms(figures.p50),
            ms(figures.p99),
            figures.throughput.toFixed(1),
            String(figures.requests),
            String(figures.failures),
            bare.length === 1 ? '–' : `+${ms(figures.p50 - vsBare.p50)} ms (${(figures.p50 / vsBare.p50).toFixed(2)}×)`,
          ]);
        }
      }
    } finally {
      await api.stop();
      await inProcess.apollo.stop();
    }
    const command = `npm run bench:overhead${args.length ? ` -- ${args.join(' ')}` : ''}`;
    const markdown = [
      `# What the server adds: ${workload.id}`,
      '',
      `\`${command}\` on ${new Date().toISOString()}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ` +
        `load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}, Node ${process.version}.`,
      '',
      `Workload: ${workload.title}. ${actors.toLocaleString('en')} synthetic actors (seed ${values.seed}); ` +
        `${warmup} s of warm-up, then ${seconds} s per way and concurrency. The ways are described in bench/overhead.ts: ` +
        '1 is the resolvers and Neo4j alone, 2 adds Apollo (validation cached by its document store, the limits, the plugins), ' +
        '3 adds HTTP, express and its middleware and runs in its own process (as deployed).',
      '',
      '| concurrency | way | p50 ms | p99 ms | req/s | requests | failed | p50 over 1 |',
      '|--:|---|--:|--:|--:|--:|--:|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
    ].join('\n');
    const resultsDir = path.resolve(PROJECT_ROOT, values['results-dir']);
    fs.mkdirSync(resultsDir, { recursive: true });
    const reportFile = path.join(resultsDir, `${name}.md`);
    fs.writeFileSync(reportFile, markdown);
    console.log(`\n${markdown}\nReport: ${path.relative(process.cwd(), reportFile)}`);
  } finally {
    await db.close();
    if (!values['keep-neo4j']) await neo4j.release();
  }
});
