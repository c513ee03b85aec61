import autocannon from 'autocannon';
import type { HttpRequest } from './check';
import type { ServerProcess } from './serverProcesses';

/** One timed run of autocannon against one system. */
export interface LoadRun {
  /** Latency of every 2xx response, in ms. */
  latencies: number[];
  /** Responses that were not 2xx, connection errors and timeouts. */
  failures: number;
  seconds: number;
  /** The server process's peak resident memory during the run, in bytes. */
  peakMemoryBytes: number;
}

export interface LoadOptions {
  connections: number;
  /** Run for this long, or, with `requests`, until that many responses have come back. */
  seconds: number;
  requests?: number;
  /** A request taking longer than this counts as a timeout. */
  timeoutSeconds?: number;
}

/**
 * Sends `request` to `server` with autocannon (a maintained HTTP load generator): `connections`
 * connections, each sending its next request when the previous answer arrives, for `seconds`.
 * Latencies are taken from autocannon's per-response event, so that p95 (which its summary
 * lacks) and percentiles over several runs can be computed from the raw values.
 */
export async function runLoad(server: ServerProcess, request: HttpRequest, options: LoadOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  let failures = 0;
  server.resetPeakMemory();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.baseUrl}${request.path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
        connections: options.connections,
        pipelining: 1,
        // autocannon notices the end of a run at its next sample tick (1 s by default): a short
        // tick keeps each run close to its length and saves a second per run.
        sampleInt: 100,
        timeout: options.timeoutSeconds ?? 120,
        ...(options.requests ? { amount: options.requests } : { duration: options.seconds }),
      },
      (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error('autocannon failed.', { cause: error })) : resolve(),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else failures += 1;
    });
    instance.on('reqError', () => {
      failures += 1;
    });
  });
  return { latencies, failures, seconds: (performance.now() - started) / 1000, peakMemoryBytes: server.peakMemory() };
}

/** Latency percentiles, throughput and memory of several runs of one system on one workload. */
export interface Measurement {
  requests: number;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
  /** 2xx responses per second over all runs. */
  throughput: number;
  peakMemoryBytes: number;
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Pools runs (the rounds of one system, workload and concurrency) into one measurement. */
export function summarise(runs: readonly LoadRun[]): Measurement {
  const sorted = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requests: sorted.length,
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    throughput: seconds > 0 ? sorted.length / seconds : 0,
    peakMemoryBytes: Math.max(0, ...runs.map((r) => r.peakMemoryBytes)),
  };
}

/**
 * The least-squares slope of `y` over `x` (the line that fits the points best): how fast a
 * sampled value (a server's resident memory) grows. NaN for fewer than two distinct `x`.
 */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  if (sxx === 0) return Number.NaN;
  return points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / sxx;
}
