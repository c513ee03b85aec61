/**
 * Reads a V8 CPU profile (the `.cpuprofile` JSON that `node --cpu-prof` and the inspector's
 * `Profiler.stop` write) and says where the time went: the functions with the most self time, and
 * a breakdown by category (neo4j-driver, graphql-js phases, the limits, the project's code,
 * logging, HTTP and stream writes, garbage collection, idle). `npm run bench:profile` prints it.
 */

/** The parts of the format this module reads (Chrome DevTools Protocol, Profiler.Profile). */
export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds, on the profiler's clock. */
  startTime: number;
  endTime: number;
  /** The node id of each sample's top frame. */
  samples: number[];
  /** Microseconds between each sample and the one before (the first: since startTime). */
  timeDeltas: number[];
}

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId?: string };
  hitCount?: number;
  children?: number[];
}

/**
 * Where a frame's time goes. A sample is charged to the category of its nearest frame (from the
 * top of the stack down) that belongs to a package or to the project, or that is one of Node's
 * I/O modules (net, http, streams: socket and response writes and reads, the driver's included);
 * V8 builtins and Node's other modules are charged to the code that called them.
 */
export const CATEGORIES = [
  'neo4j-driver',
  'graphql-js: parse',
  'graphql-js: validate',
  'graphql-js: execute',
  'graphql-js: other',
  'limits and cost (src/server/limits.ts, graphql-armor, graphql-query-complexity)',
  'Apollo Server',
  'project: resolvers, loaders, queries',
  'project: db and values (src/db)',
  'project: other',
  'dataloader',
  'logging (pino, pino-http)',
  'metrics (prom-client, src/server/metrics.ts)',
  'express and middleware (body parser, compression, cors)',
  'node: http, net, streams (responses, sockets)',
  'other packages and node internals',
  'the profiler itself (bench/servers/cpuProfiler.ts)',
  'garbage collection',
  'idle',
  'program (V8 and native, no JS frame)',
] as const;
export type Category = (typeof CATEGORIES)[number];

const MODULE_RULES: [RegExp, Category][] = [
  [/\/node_modules\/neo4j-driver[^/]*\//, 'neo4j-driver'],
  [/\/node_modules\/graphql\/language\//, 'graphql-js: parse'],
  [/\/node_modules\/graphql\/validation\//, 'graphql-js: validate'],
  [/\/node_modules\/graphql\/execution\//, 'graphql-js: execute'],
  [/\/node_modules\/graphql\//, 'graphql-js: other'],
  [/\/node_modules\/(@escape\.tech\/[^/]+|graphql-query-complexity)\//, CATEGORIES[5]],
  [/\/src\/server\/limits\.(js|ts)$/, CATEGORIES[5]],
  [/\/node_modules\/@apollo\//, 'Apollo Server'],
  [/\/node_modules\/@as-integrations\//, 'Apollo Server'],
  [/\/node_modules\/dataloader\//, 'dataloader'],
  [
    /\/node_modules\/(pino|pino-http|pino-std-serializers|sonic-boom|thread-stream|fast-redact|@pinojs\/[^/]+|quick-format-unescaped|atomic-sleep|on-exit-leak-free)\//,
    'logging (pino, pino-http)',
  ],
  [/\/src\/server\/logging\.(js|ts)$/, 'logging (pino, pino-http)'],
  [/\/node_modules\/(prom-client|tdigest|bintrees)\//, 'metrics (prom-client, src/server/metrics.ts)'],
  [/\/src\/server\/metrics\.(js|ts)$/, 'metrics (prom-client, src/server/metrics.ts)'],
  [
    /\/node_modules\/(express|router|body-parser|raw-body|compression|cors|on-finished|on-headers|finalhandler|send|serve-static|type-is|accepts|content-type|negotiator|vary|qs|iconv-lite|bytes|depd|debug|ms|mime-types|mime-db|parseurl|encodeurl|escape-html|statuses|http-errors|fresh|etag|range-parser|cookie|proxy-addr|forwarded|path-to-regexp|media-typer|safe-buffer|setprototypeof|toidentifier|ee-first|destroy|unpipe)\//,
    'express and middleware (body parser, compression, cors)',
  ],
  [/\/bench\/servers\/cpuProfiler\.(js|ts)$/, 'the profiler itself (bench/servers/cpuProfiler.ts)'],
  // The project's own files (dist/src/… compiled, src/… under ts-node or a source map), never a package's src/.
  [
    /^(?!.*\/node_modules\/).*\/src\/(resolvers|loaders|queries|planner|mutations|graphql)\//,
    'project: resolvers, loaders, queries',
  ],
  [/^(?!.*\/node_modules\/).*\/src\/db\//, 'project: db and values (src/db)'],
  [/^(?!.*\/node_modules\/).*\/(src|bench)\//, 'project: other'],
  [/\/node_modules\//, 'other packages and node internals'],
];

const NODE_IO =
  /^node:(_http_|http|net|stream|internal\/(streams|stream_base_commons|http|net|child_process|fs\/write|js_stream_socket|socket_list))/;

/** A frame's own category, or null for a frame that passes its time on to its caller. */
export function frameCategory(frame: CpuProfileNode['callFrame']): Category | null {
  const { functionName, url } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program (V8 and native, no JS frame)';
    return null; // (root), V8 builtins such as JSON.stringify: charged to their caller
  }
  const path = url.replace(/^file:\/\//, '');
  for (const [pattern, category] of MODULE_RULES) if (pattern.test(path)) return category;
  return null; // node:... and anything else: charged to the caller
}

/** Node's own modules that do I/O for whoever calls them. */
function ioCategory(frame: CpuProfileNode['callFrame']): Category | null {
  return NODE_IO.test(frame.url) ? 'node: http, net, streams (responses, sockets)' : null;
}

export interface FunctionTime {
  functionName: string;
  /** `file:line` (1-based), shortened to the package or project path. */
  location: string;
  category: Category;
  selfMs: number;
}

export interface CategoryTime {
  category: Category;
  /** Time charged to the category (the breakdown sums to the profile's length). */
  selfMs: number;
  /** Time with at least one frame of the category on the stack. */
  inclusiveMs: number;
}

export interface ProfileSummary {
  /** Wall time covered by the samples. */
  totalMs: number;
  /** Time not idle: what the process spent on the CPU (JS, GC, V8). */
  busyMs: number;
  samples: number;
  categories: CategoryTime[];
  /** Functions by self time, most first. */
  functions: FunctionTime[];
}

/** `/x/node_modules/neo4j-driver-core/lib/result.js` → `neo4j-driver-core/lib/result.js`; project paths from src/ or bench/. */
export function shortLocation(url: string, lineNumber: number): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  const project = /\/((?:src|bench|scripts)\/.*)$/.exec(path);
  const short = inModules >= 0 ? path.slice(inModules + '/node_modules/'.length) : project ? project[1]! : path;
  return `${short}:${lineNumber + 1}`;
}

/**
 * How a sample is weighed. `wall`: its time delta, the wall time since the sample before.
 * `samples` (the default): the profile's median delta, the same for every sample. On a machine
 * shared with other work the process is often descheduled, and the kernel does it most at the
 * end of a system call, so the wall time of a gap lands on whatever was on the stack then (a
 * socket write, typically) although the process was not running; the profiler takes one sample
 * per stretch of running, so counting samples estimates CPU time instead.
 */
export type SampleWeight = 'samples' | 'wall';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

/**
 * Summarises a profile: each sample's weight (see SampleWeight) is charged to its top frame for
 * the function table, to the owning category (see CATEGORIES) for the breakdown, and to every
 * category on its stack for the inclusive times.
 */
export function summariseProfile(profile: CpuProfile, weight: SampleWeight = 'samples'): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Per node: owning category and the set of categories on its stack, computed once per node.
  const owner = new Map<number, Category>();
  const onStack = new Map<number, Set<Category>>();
  const resolve = (id: number): void => {
    if (owner.has(id)) return;
    const stack: CpuProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    // The nearest frame that belongs to someone wins; a Node I/O frame (a socket or stream write
    // or read) met before any package's frame makes the sample I/O, whoever asked for it.
    let found: Category | null = null;
    for (const frame of stack) if ((found = frameCategory(frame.callFrame) ?? ioCategory(frame.callFrame))) break;
    owner.set(id, found ?? 'other packages and node internals');
    const categories = new Set<Category>();
    for (const frame of stack) {
      const category = frameCategory(frame.callFrame) ?? ioCategory(frame.callFrame);
      if (category) categories.add(category);
    }
    onStack.set(id, categories);
  };

  const selfByNode = new Map<number, number>();
  let totalUs = 0;
  // A sample's delta is the time since the previous one; the first sample's is counted from
  // startTime. Deltas can be negative by a few µs when samples are reordered: clamp at zero.
  const deltas = profile.samples.map((_id, i) => Math.max(0, profile.timeDeltas[i] ?? 0));
  const interval = median(deltas);
  profile.samples.forEach((id, i) => {
    const delta = weight === 'wall' ? deltas[i]! : interval;
    totalUs += delta;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
  });

  const self = new Map<Category, number>();
  const inclusive = new Map<Category, number>();
  const functions = new Map<string, FunctionTime>();
  for (const [id, us] of selfByNode) {
    resolve(id);
    const category = owner.get(id)!;
    self.set(category, (self.get(category) ?? 0) + us);
    for (const c of onStack.get(id)!) inclusive.set(c, (inclusive.get(c) ?? 0) + us);
    const { callFrame } = byId.get(id)!;
    const location = shortLocation(callFrame.url, callFrame.lineNumber);
    const key = `${callFrame.functionName}@${location}`;
    const entry = functions.get(key) ?? {
      functionName: callFrame.functionName || '(anonymous)',
      location,
      category,
      selfMs: 0,
    };
    entry.selfMs += us / 1000;
    functions.set(key, entry);
  }
  const idleUs = self.get('idle') ?? 0;
  return {
    totalMs: totalUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    samples: profile.samples.length,
    categories: CATEGORIES.map((category) => ({
      category,
      selfMs: (self.get(category) ?? 0) / 1000,
      inclusiveMs: (inclusive.get(category) ?? 0) / 1000,
    })),
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
  };
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');

/** The summary as Markdown: the breakdown (share of all time and of busy time) and the top functions. */
export function profileMarkdown(summary: ProfileSummary, top = 25): string {
  const lines = [
    `Profile: ${summary.samples} samples (${(summary.totalMs / 1000).toFixed(1)} s at the median sampling interval; ` +
      'each sample counts as one interval, see SampleWeight in bench/cpuProfile.ts), ' +
      `busy ${pct(summary.busyMs, summary.totalMs)} of it (everything but idle).`,
    '',
    '| category | self | of all | of busy | inclusive (of all) |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const c of [...summary.categories].sort((a, b) => b.selfMs - a.selfMs)) {
    if (c.selfMs === 0 && c.inclusiveMs === 0) continue;
    const busy = c.category === 'idle' ? '' : pct(c.selfMs, summary.busyMs);
    lines.push(
      `| ${c.category} | ${c.selfMs.toFixed(0)} ms | ${pct(c.selfMs, summary.totalMs)} | ${busy} | ${pct(c.inclusiveMs, summary.totalMs)} |`,
    );
  }
  lines.push(
    '',
    `Top ${top} functions by self time:`,
    '',
    '| self | of busy | function | where | category |',
    '|--:|--:|---|---|---|',
  );
  for (const f of summary.functions.filter((f) => f.category !== 'idle').slice(0, top)) {
    const name = f.functionName.replace(/\|/g, '\\|');
    lines.push(
      `| ${f.selfMs.toFixed(0)} ms | ${pct(f.selfMs, summary.busyMs)} | \`${name}\` | ${f.location} | ${f.category} |`,
    );
  }
  return lines.join('\n');
}
