/**
 * `npm run load`: a mixed read workload against the real API, in its own process, for a minute.
 *
 * Starts the dev Neo4j as `npm start` does (or uses NEO4J_URI), seeds it if it is empty, starts
 * the API as `npm start` would (`node dist/src/main.js`, NODE_ENV=production) in a child process
 * on PORT (with the benchmark's process helpers, ./serverProcesses.ts), checks every request of
 * the mix once (200, no GraphQL errors), then runs autocannon with `--connections` connections
 * (default 32) for `--duration` seconds (default 60), each
 * request drawn from a weighted mix of the realistic queries: the documented questions
 * (docs/queries/*.graphql), actor pages with filters and facets, search, supporters,
 * neighbourhoods, paths, node lookups and a graph export. It reports throughput, latency
 * p50/p90/p99/max, errors (non-2xx, transport errors and GraphQL errors found in the bodies, every
 * body is checked) and the API process's resident memory at start and end, prints the report as
 * markdown and writes it (and the raw figures as JSON) to `--results-dir` (default bench/data,
 * ignored by git). Exits non-zero when any request failed.
 *
 * The soak: during the mixed run the API's resident memory (RSS) is sampled every 10 s and
 * printed as it is read; after a warm-up (a quarter of the run, at most 60 s) the least-squares
 * slope of those samples (MB/min) says whether memory keeps growing. `npm run load -- --duration
 * 600` is the ten-minute soak.
 *
 * Then the flood (unless --flood-duration 0): cheap `entity(ref:)` lookups from
 * `--cheap-connections` clients for `--flood-duration` seconds on their own (quiet), then again
 * while `--flood-connections` clients send the worst `paths` request (no path passes the type
 * filter: before the bounded search, Neo4j expanded every path up to 6 hops for it) with
 * `--flood-aliases` aliases each. It
 * reports the cheap lookups' p50/p99 in both phases (the target: p99 under flood within 2x of
 * quiet) and how the flood was answered (200, 503 SERVICE_UNAVAILABLE from the limit on expensive
 * operations, 400 from the query limits).
 *
 * Requests the API sheds on purpose (503 SERVICE_UNAVAILABLE with Retry-After, the limit on
 * concurrent expensive operations) are counted apart from errors, in the mix and in the flood.
 *
 * Options: --duration <s> --connections <n> --results-dir <dir> --seed <n> --flood-duration <s>
 * --flood-connections <n> --flood-aliases <n> --cheap-connections <n>
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../src/bootstrap';
import { runCli } from '../src/cli';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/Database';
import { ConfigError } from '../src/errors';
import { toGlobalId } from '../src/graphql/globalId';
import { ensureNeo4j } from '../src/neo4j/connection';
import { leastSquaresSlope } from './measure';
import { SeededRandom } from './random';
import { startApiProcess, type ChildServer } from './serverProcesses';

interface Options {
  duration: number;
  connections: number;
  resultsDir: string;
  seed: number;
  /** Seconds of each flood phase (quiet, then flooded); 0 skips the flood. */
  floodDuration: number;
  floodConnections: number;
  floodAliases: number;
  cheapConnections: number;
}

function parseOptions(args: string[]): Options {
  const options: Options = {
    duration: 60,
    connections: 32,
    resultsDir: path.join(PROJECT_ROOT, 'bench', 'data'),
    seed: 1,
    floodDuration: 30,
    // As the report of issue 14: four clients sending the worst paths request.
    floodConnections: 4,
    floodAliases: 3,
    cheapConnections: 4,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    const number = (min: number) => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < min)
        throw new ConfigError(`${flag} must be a number of at least ${min}, not "${value}".`);
      return n;
    };
    if (flag === '--duration') options.duration = number(1);
    else if (flag === '--connections') options.connections = Math.floor(number(1));
    else if (flag === '--seed') options.seed = Math.floor(number(0));
    else if (flag === '--results-dir') options.resultsDir = path.resolve(value ?? '');
    else if (flag === '--flood-duration') options.floodDuration = number(0);
    else if (flag === '--flood-connections') options.floodConnections = Math.floor(number(1));
    else if (flag === '--flood-aliases') options.floodAliases = Math.floor(number(1));
    else if (flag === '--cheap-connections') options.cheapConnections = Math.floor(number(1));
    else
      throw new ConfigError(
        `Unknown option "${flag}"; the options are --duration, --connections, --results-dir, --seed, --flood-duration, --flood-connections, --flood-aliases, --cheap-connections.`,
      );
  }
  return options;
}

/** One request of the mix. */
interface Workload {
  name: string;
  /** Relative frequency in the mix. */
  weight: number;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** A GraphQL request (its body is checked for errors), or a file download. */
  graphql: boolean;
}

function graphql(name: string, weight: number, query: string, variables?: Record<string, unknown>): Workload {
  return { name, weight, method: 'POST', path: '/graphql', body: JSON.stringify({ query, variables }), graphql: true };
}

/**
 * The mix: what the explorer and the documented questions ask, weighted towards the cheap,
 * frequent requests (pages, lookups, search) with the heavier ones (supporters with evidence,
 * paths, neighbourhoods, exports) less often. `cursor` is the end cursor of the first actors page.
 */
function workloads(cursor: string): Workload[] {
  const docsDir = path.join(PROJECT_ROOT, 'docs', 'queries');
  const documented = fs
    .readdirSync(docsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => graphql(`docs/${f.replace(/\.graphql$/, '')}`, 4, fs.readFileSync(path.join(docsDir, f), 'utf8')));
  const actorFields = 'id slug name nameEn kind';
  return [
    ...documented,
    graphql(
      'actors page 1',
      10,
      `{ actors(first: 20) { totalCount edges { cursor node { ${actorFields} } } pageInfo { hasNextPage endCursor } } }`,
    ),
    graphql(
      'actors page 2 (cursor)',
      6,
      `query ($after: String) { actors(first: 20, after: $after) { edges { cursor node { ${actorFields} } } pageInfo { hasNextPage endCursor } } }`,
      { after: cursor },
    ),
    graphql(
      'actors filtered by theme and region, with facets',
      6,
      `{ actors(first: 20, filter: { themes: ["ATMP"], regions: ["Skåne"] }) { totalCount facets { kinds { value label count } themes { value label count } regions { value label count } } nodes { ${actorFields} } } }`,
    ),
    graphql(
      'actors filtered by kind and stage, descending',
      4,
      `{ actors(first: 20, orderBy: NAME_DESC, filter: { kinds: [INCUBATOR, INVESTOR], stages: [STARTUP] }) { totalCount nodes { ${actorFields} } } }`,
    ),
    graphql(
      'search "Lund"',
      8,
      '{ search(query: "Lund", first: 10) { totalCount edges { score node { __typename id slug name nameEn } } } }',
    ),
    graphql(
      'search "cell terapi" among actors',
      4,
      '{ search(query: "cell terapi", kinds: [ACTOR, INITIATIVE], first: 10) { edges { score node { __typename id name } } } }',
    ),
    graphql(
      'search "Skane" with relationships',
      3,
      '{ search(query: "Skane", first: 5) { nodes { name relationships(first: 10) { edges { type node { name } } } } } }',
    ),
    graphql(
      'supporters of precision medicine',
      3,
      '{ supporters(theme: "precision medicine", first: 20) { totalCount edges { node { __typename name } supportTypes } } }',
    ),
    graphql(
      'neighbourhood of MAX IV, depth 2',
      3,
      '{ neighbourhood(id: "max-iv", depth: 2, first: 100) { centre { name } truncated nodes { distance node { id name } } hops { type from { id } to { id } sources { document } } } }',
    ),
    graphql(
      'paths Lund University to EU',
      2,
      '{ paths(from: "lund-university", to: "eu", maxHops: 4, first: 5) { length nodes { name } hops { type sources { quote } } } }',
    ),
    graphql(
      'node by global id',
      8,
      'query ($id: ID!) { node(id: $id) { id ... on Actor { name nameEn kind website } } }',
      { id: toGlobalId('Actor', 'lund-university') },
    ),
    graphql(
      'nodes by global ids',
      4,
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { name nameEn } } }',
      {
        ids: ['lund-university', 'max-iv', 'region-skane', 'medicon-village']
          .map((slug) => toGlobalId('Actor', slug))
          .concat(toGlobalId('Theme', 'atmp')),
      },
    ),
    graphql(
      'entity with relationships and sources',
      6,
      '{ entity(ref: "region-skane") { name description figures { metric value unit } relationships(first: 20) { totalCount edges { type direction node { name } sources { document quote } } } } }',
    ),
    graphql(
      'fact check',
      4,
      '{ fact(subject: "sydsverige", type: MEMBER_OF, object: "icpermed") { answer sources { quote } } }',
    ),
    graphql(
      'themes and regions',
      4,
      '{ themes(first: 50) { nodes { slug name nameEn } } regions(first: 50) { nodes { slug name nameEn } } }',
    ),
    graphql('initiatives page', 3, '{ initiatives(first: 20) { totalCount nodes { name kind validFrom } } }'),
    graphql(
      'graph of the ATMP theme',
      2,
      '{ graph(filter: { themes: ["ATMP"] }) { nodes { entityId label kind attributes { slug nameEn themes regions } } edges { id source target type } } }',
    ),
    {
      name: 'export GEXF around MAX IV',
      weight: 1,
      method: 'GET',
      path: '/export/gexf?around=max-iv&depth=2',
      graphql: false,
    },
    { name: 'export GraphML of the whole graph', weight: 1, method: 'GET', path: '/export/graphml', graphql: false },
  ];
}

/** A GraphQL body that reports errors: Apollo writes `errors` first when there are any. */
function hasGraphQLErrors(body: string): boolean {
  return body.startsWith('{"errors"') || body.includes('"errors":[');
}

/**
 * An answer the API sheds on purpose: 503 SERVICE_UNAVAILABLE from the limit on concurrent
 * expensive operations (its error carries `retryAfterSeconds`, its response `Retry-After`).
 */
function isShed(status: number, body: string): boolean {
  return status === 503 && body.includes('"SERVICE_UNAVAILABLE"') && body.includes('"retryAfterSeconds"');
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** Sends each request of the mix once: it must answer 2xx, and a GraphQL answer without errors. */
async function checkWorkloads(baseUrl: string, mix: Workload[]): Promise<void> {
  for (const w of mix) {
    const response = await fetch(`${baseUrl}${w.path}`, {
      method: w.method,
      headers: w.body ? { 'content-type': 'application/json' } : {},
      body: w.body,
    });
    const text = await response.text();
    if (response.status < 200 || response.status >= 300 || (w.graphql && hasGraphQLErrors(text))) {
      throw new Error(`The workload "${w.name}" fails before the run: ${response.status} ${text.slice(0, 500)}`);
    }
  }
}

/**
 * The end cursor of the first actors page. Also the warm-up: on a cold Neo4j (just started, plans
 * not compiled) on a busy machine the first query can run past the Cypher timeout, so it is
 * tried up to five times.
 */
async function firstActorsCursor(baseUrl: string): Promise<string> {
  let body: { data?: { actors: { pageInfo: { endCursor: string } } | null } } = {};
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actors(first: 20) { pageInfo { endCursor } } }' }),
    });
    body = (await response.json()) as typeof body;
    const cursor = body.data?.actors?.pageInfo.endCursor;
    if (cursor) return cursor;
    console.log(`The first actors page failed (attempt ${attempt} of 5): ${JSON.stringify(body).slice(0, 300)}`);
  }
  throw new Error(`The first actors page has no end cursor: ${JSON.stringify(body).slice(0, 300)}`);
}

/** Runs autocannon against `baseUrl`; `requests` as autocannon takes them. */
function runAutocannon(
  baseUrl: string,
  connections: number,
  duration: number,
  requests: autocannon.Request[],
): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      { url: baseUrl, connections, pipelining: 1, duration, timeout: 30, requests },
      (error: Error | null, res: autocannon.Result) => (error ? reject(error) : resolve(res)),
    );
  });
}

/** One reading of the API's resident memory, `seconds` after the mixed run started. */
interface MemorySample {
  seconds: number;
  rssBytes: number;
}

/** The soak's verdict on memory: the samples after the warm-up and their slope. */
interface MemoryTrend {
  intervalSeconds: number;
  warmupSeconds: number;
  samples: MemorySample[];
  /** Least-squares slope of the samples taken after the warm-up, in MB per minute (null: too few). */
  slopeMBPerMinute: number | null;
}

const SAMPLE_INTERVAL_SECONDS = 10;

/** The warm-up left out of the memory slope: a quarter of the run, at most a minute. */
function warmupSeconds(duration: number): number {
  return Math.min(60, duration / 4);
}

function memoryTrend(samples: MemorySample[], duration: number): MemoryTrend {
  const warmup = warmupSeconds(duration);
  const slope = leastSquaresSlope(
    samples.filter((s) => s.seconds >= warmup).map((s) => ({ x: s.seconds / 60, y: s.rssBytes / MB })),
  );
  return {
    intervalSeconds: SAMPLE_INTERVAL_SECONDS,
    warmupSeconds: warmup,
    samples,
    slopeMBPerMinute: Number.isFinite(slope) ? slope : null,
  };
}

/** The cheap lookup of the flood test and the worst `paths` request it competes with. */
const CHEAP_QUERY = '{ entity(ref: "region-skane") { id name } }';

function worstPathsQuery(aliases: number): string {
  const one = (i: number) =>
    `p${i}: paths(from: "life-science-health", to: "firs-ls-agenda", maxHops: 6, relationshipTypes: [INCUBATES], first: 1) { length }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => one(i)).join(' ')} }`;
}

function postRequest(query: string, onResponse: (status: number, body: string) => void): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    onResponse: (status, body) => onResponse(status, body),
  };
}

interface LatencyFigures {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers that were not 200 without GraphQL errors. */
  errors: number;
}

interface FloodResult {
  seconds: number;
  cheapConnections: number;
  floodConnections: number;
  floodAliases: number;
  quiet: LatencyFigures;
  flooded: LatencyFigures;
  /** flooded p99 / quiet p99: the target is at most 2. */
  p99Ratio: number;
  /** How the flood's requests were answered. */
  flood: { requests: number; ok: number; shed: number; tooComplex: number; timeouts: number; other: number };
}

/** The cheap lookups from `connections` clients for `duration` s: their latency and failures. */
async function cheapLatency(baseUrl: string, connections: number, duration: number): Promise<LatencyFigures> {
  let errors = 0;
  const result = await runAutocannon(baseUrl, connections, duration, [
    postRequest(CHEAP_QUERY, (status, body) => {
      if (status !== 200 || hasGraphQLErrors(body)) errors += 1;
    }),
  ]);
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: errors + result.errors + result.timeouts,
  };
}

async function runFlood(baseUrl: string, options: Options): Promise<FloodResult> {
  const seconds = options.floodDuration;
  await checkWorkloads(baseUrl, [graphql('cheap lookup', 1, CHEAP_QUERY)]);
  console.log(`Flood test: ${seconds} s of cheap lookups alone (${options.cheapConnections} connections)...`);
  const quiet = await cheapLatency(baseUrl, options.cheapConnections, seconds);
  console.log(
    `...then ${seconds} s of them beside ${options.floodConnections} connections sending the worst paths request (${options.floodAliases} aliases)...`,
  );
  const flood = { requests: 0, ok: 0, shed: 0, tooComplex: 0, timeouts: 0, other: 0 };
  const flooding = runAutocannon(baseUrl, options.floodConnections, seconds, [
    postRequest(worstPathsQuery(options.floodAliases), (status, body) => {
      flood.requests += 1;
      if (status === 200 && !hasGraphQLErrors(body)) flood.ok += 1;
      else if (isShed(status, body)) flood.shed += 1;
      else if (body.includes('"QUERY_TOO_COMPLEX"')) flood.tooComplex += 1;
      else if (body.includes('"TIMEOUT"')) flood.timeouts += 1;
      else flood.other += 1;
    }),
  ]);
  const [flooded, floodResult] = await Promise.all([
    cheapLatency(baseUrl, options.cheapConnections, seconds),
    flooding,
  ]);
  flood.other += floodResult.errors + floodResult.timeouts;
  return {
    seconds,
    cheapConnections: options.cheapConnections,
    floodConnections: options.floodConnections,
    floodAliases: options.floodAliases,
    quiet,
    flooded,
    p99Ratio: flooded.p99 / Math.max(quiet.p99, 1),
    flood,
  };
}

interface LoadResult {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    node: string;
    platform: string;
    loadAverageBefore: number;
  };
  options: Options;
  /** The limit on expensive operations the API ran with (MEDICON_MAX_CONCURRENT_EXPENSIVE, MEDICON_EXPENSIVE_QUEUE). */
  expensiveLimit: { concurrent: string; queue: string };
  neo4j: string;
  requests: number;
  seconds: number;
  throughput: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: {
    total: number;
    non2xx: number;
    transport: number;
    timeouts: number;
    graphql: number;
    byWorkload: Record<string, number>;
  };
  /** Answers shed on purpose (503 from the limit on expensive operations): not errors. */
  shed: number;
  perWorkload: Record<string, number>;
  memory: { rssStartBytes: number; rssEndBytes: number; peakBytes: number; trend: MemoryTrend };
  flood: FloodResult | null;
}

function floodMarkdown(f: FloodResult): string[] {
  return [
    '',
    `Flood: cheap \`entity(ref:)\` lookups from ${f.cheapConnections} connections, ${f.seconds} s alone, then ${f.seconds} s beside ${f.floodConnections} connections sending the worst \`paths\` request (maxHops 6, INCUBATES, ${f.floodAliases} aliases).`,
    '',
    '| cheap lookups | requests | p50 | p99 | max | errors |',
    '|---|---|---|---|---|---|',
    `| quiet | ${f.quiet.requests} | ${f.quiet.p50} ms | ${f.quiet.p99} ms | ${f.quiet.max} ms | ${f.quiet.errors} |`,
    `| under flood | ${f.flooded.requests} | ${f.flooded.p50} ms | ${f.flooded.p99} ms | ${f.flooded.max} ms | ${f.flooded.errors} |`,
    '',
    `p99 under flood / quiet: ${f.p99Ratio.toFixed(2)}x (target: at most 2x: ${f.p99Ratio <= 2 ? 'met' : 'NOT met'}).`,
    `The flood's ${f.flood.requests} requests: ${f.flood.ok} answered, ${f.flood.shed} shed (503 SERVICE_UNAVAILABLE, Retry-After), ${f.flood.tooComplex} refused as QUERY_TOO_COMPLEX, ${f.flood.timeouts} TIMEOUT, ${f.flood.other} other.`,
  ];
}

function markdown(r: LoadResult, mix: Workload[]): string {
  const totalWeight = mix.reduce((s, w) => s + w.weight, 0);
  const trend = r.memory.trend;
  return [
    `# Load test, ${r.date}`,
    '',
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${(r.machine.memoryBytes / 1024 ** 3).toFixed(0)} GiB, Node ${r.machine.node}, ${r.machine.platform}; ` +
      `the load generator (autocannon), the API and Neo4j share these cores (1-minute load average before the run: ${r.machine.loadAverageBefore.toFixed(2)}). Neo4j: ${r.neo4j}. ` +
      `Expensive operations: ${r.expensiveLimit.concurrent} at a time, ${r.expensiveLimit.queue} waiting.`,
    '',
    `Mixed read workload, ${r.options.connections} connections, ${r.options.duration} s (\`npm run load -- --duration ${r.options.duration} --connections ${r.options.connections}\`).`,
    '',
    '| figure | value |',
    '|---|---|',
    `| requests | ${r.requests} in ${r.seconds.toFixed(1)} s |`,
    `| throughput | ${r.throughput.toFixed(1)} req/s |`,
    `| latency p50 / p90 / p99 / max | ${r.latencyMs.p50} / ${r.latencyMs.p90} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms (mean ${r.latencyMs.mean.toFixed(1)}) |`,
    `| errors | ${r.errors.total} (non-2xx ${r.errors.non2xx}, transport ${r.errors.transport}, timeouts ${r.errors.timeouts}, GraphQL errors in bodies ${r.errors.graphql}) |`,
    `| shed (503 SERVICE_UNAVAILABLE from the limit on expensive operations, not errors) | ${r.shed} |`,
    `| API memory (RSS) | ${mb(r.memory.rssStartBytes)} at start, ${mb(r.memory.rssEndBytes)} at end, peak ${mb(r.memory.peakBytes)} |`,
    `| RSS slope after ${trend.warmupSeconds.toFixed(0)} s of warm-up | ${trend.slopeMBPerMinute === null ? 'too few samples' : `${trend.slopeMBPerMinute.toFixed(2)} MB/min`} |`,
    `| RSS every ${trend.intervalSeconds} s | ${trend.samples.map((s) => `${s.seconds.toFixed(0)} s: ${(s.rssBytes / MB).toFixed(0)}`).join(', ')} (MB) |`,
    '',
    '| request | share of the mix | answered |',
    '|---|---|---|',
    ...mix.map(
      (w) =>
        `| ${w.name} | ${((100 * w.weight) / totalWeight).toFixed(1)} % | ${r.perWorkload[w.name] ?? 0}${r.errors.byWorkload[w.name] ? ` (${r.errors.byWorkload[w.name]} errors)` : ''} |`,
    ),
    ...(r.flood ? floodMarkdown(r.flood) : []),
    '',
  ].join('\n');
}

runCli(async (args) => {
  const options = parseOptions(args);
  const config = loadConfig();
  const handle = await ensureNeo4j(config, 'dev', console.log);
  let api: ChildServer | undefined;
  try {
    const db = await Database.connect(handle.connection);
    try {
      const loaded = await prepareDatabase(db);
      console.log(
        loaded
          ? `Seeded the empty graph: ${loaded.entities} entities, ${loaded.relationships} relationships.`
          : 'The graph is already seeded.',
      );
    } finally {
      await db.close();
    }
    fs.mkdirSync(options.resultsDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const logFile = path.join(options.resultsDir, `load-${stamp}-api.log`);
    api = await startApiProcess(config.port, handle.connection, logFile);
    console.log(`The API (pid ${api.pid}) serves ${api.baseUrl}; its output goes to ${logFile}.`);

    const mix = workloads(await firstActorsCursor(api.baseUrl));
    await checkWorkloads(api.baseUrl, mix);
    const rssAtStart = api.residentMemory();
    // What else was running: a 1-minute load average near the core count before the run means
    // that other processes shared the cores with this measurement.
    const loadAverageBefore = os.loadavg()[0]!;

    // Weighted draw per request, from the benchmark's seeded generator: the same mix on every run
    // with the same --seed.
    const random = new SeededRandom(options.seed);
    const weights = mix.map((w) => w.weight);
    const pick = () => random.weighted(mix, weights);
    const perWorkload: Record<string, number> = {};
    const errorsByWorkload: Record<string, number> = {};
    let graphqlErrors = 0;
    let non2xx = 0;
    let shed = 0;
    const errorSamples: string[] = [];

    console.log(`Running ${options.duration} s of the mixed read workload at ${options.connections} connections...`);
    const started = performance.now();
    const samples: MemorySample[] = [];
    const running = api;
    const sampler = setInterval(() => {
      const sample = { seconds: (performance.now() - started) / 1000, rssBytes: running.residentMemory() };
      samples.push(sample);
      console.log(`  ${sample.seconds.toFixed(0).padStart(4)} s  RSS ${mb(sample.rssBytes)}`);
    }, SAMPLE_INTERVAL_SECONDS * 1000);
    let result: autocannon.Result;
    try {
      result = await runAutocannon(api.baseUrl, options.connections, options.duration, [
        {
          // Called before each request of a connection: draws the next one from the mix and
          // remembers it in the connection's context, for the check of its answer.
          setupRequest: (request, context) => {
            const w = pick();
            (context as { workload?: Workload }).workload = w;
            return {
              ...request,
              method: w.method,
              path: w.path,
              headers: w.body ? { 'content-type': 'application/json' } : {},
              body: w.body ?? '',
            };
          },
          onResponse: (status, body, context) => {
            const w = (context as { workload: Workload }).workload;
            perWorkload[w.name] = (perWorkload[w.name] ?? 0) + 1;
            if (isShed(status, body)) {
              shed += 1;
              return;
            }
            const failed = status < 200 || status >= 300 || (w.graphql && hasGraphQLErrors(body));
            if (failed) {
              if (status >= 200 && status < 300) graphqlErrors += 1;
              else non2xx += 1;
              errorsByWorkload[w.name] = (errorsByWorkload[w.name] ?? 0) + 1;
              if (errorSamples.length < 5) errorSamples.push(`${w.name}: ${status} ${body.slice(0, 300)}`);
            }
          },
        },
      ]);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const rssAtEnd = api.residentMemory();
    const peak = api.peakMemory();
    const trend = memoryTrend(samples, options.duration);
    console.log(
      `RSS slope after ${trend.warmupSeconds.toFixed(0)} s of warm-up: ${trend.slopeMBPerMinute === null ? 'too few samples' : `${trend.slopeMBPerMinute.toFixed(2)} MB/min`}.`,
    );

    const flood = options.floodDuration > 0 ? await runFlood(api.baseUrl, options) : null;

    const report: LoadResult = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryBytes: os.totalmem(),
        node: process.version,
        platform: `${os.type()} ${os.release()}`,
        loadAverageBefore,
      },
      options,
      expensiveLimit: {
        concurrent:
          process.env.MEDICON_MAX_CONCURRENT_EXPENSIVE ||
          `${Math.max(1, Math.floor(os.availableParallelism() / 2))} (default)`,
        queue: process.env.MEDICON_EXPENSIVE_QUEUE || '16 times that (default)',
      },
      neo4j: handle.describe,
      requests: result.requests.total,
      seconds,
      throughput: result.requests.total / seconds,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.average,
      },
      errors: {
        total: non2xx + result.errors + result.timeouts + graphqlErrors,
        non2xx,
        transport: result.errors,
        timeouts: result.timeouts,
        graphql: graphqlErrors,
        byWorkload: errorsByWorkload,
      },
      shed,
      perWorkload,
      memory: { rssStartBytes: rssAtStart, rssEndBytes: rssAtEnd, peakBytes: peak, trend },
      flood,
    };
    const text = markdown(report, mix);
    fs.writeFileSync(path.join(options.resultsDir, `load-${stamp}.md`), text);
    fs.writeFileSync(path.join(options.resultsDir, `load-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n${text}`);
    console.log(`Written to ${path.join(options.resultsDir, `load-${stamp}.md`)} (and .json).`);
    const cheapErrors = flood ? flood.quiet.errors + flood.flooded.errors : 0;
    if (report.errors.total > 0 || cheapErrors > 0) {
      console.error(
        `${report.errors.total} requests of the mix and ${cheapErrors} cheap lookups of the flood test failed; the first ones:\n${errorSamples.join('\n')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    const code = await api?.stop();
    if (code !== undefined && code !== 0) console.error(`The API exited with code ${code}.`);
    await handle.release();
  }
});
