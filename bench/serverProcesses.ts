import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT, type Neo4jConnectionConfig } from '../src/config';
import type { StartResult } from '../src/neo4j/localServer';
import type { ListeningMessage } from './servers/childServer';
import { NEO4J_GRAPHQL_TYPE_DEFS } from './servers/neo4jGraphqlServer';

/** The three systems under test. */
export const SYSTEMS = ['api', 'library', 'cypher'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_LABELS: Record<SystemName, string> = {
  api: '(a) this API',
  library: '(b) @neo4j/graphql',
  cypher: '(c) hand-written Cypher',
};

const SCRIPTS: Record<SystemName, string> = {
  api: 'apiServer.js',
  library: 'neo4jGraphqlServer.js',
  cypher: 'cypherServer.js',
};

/** A server running in its own Node process (a system under test, or the API for `npm run load`). */
export interface ChildServer {
  pid: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** Forgets the peak memory so far, so that the next reading covers only what follows. */
  resetPeakMemory(): void;
  /** The process's peak resident memory in bytes since start or the last reset (VmHWM). */
  peakMemory(): number;
  /** The process's resident memory in bytes now (VmRSS). */
  residentMemory(): number;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** A system's server, running in its own Node process. */
export interface ServerProcess extends ChildServer {
  system: SystemName;
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field} line.`);
  return Number(match[1]) * 1024;
}

/**
 * Starts one system's server (bench/servers/*, compiled) against the benchmark database and
 * resolves once it listens. Peak memory comes from /proc/<pid>/status (VmHWM), reset between
 * measurements through /proc/<pid>/clear_refs, so Linux itself records the peak: no sampling
 * interval can miss it.
 */
export async function startServerProcess(
  system: SystemName,
  neo4j: Pick<StartResult, 'uri' | 'user' | 'password'>,
  /** More environment for the child (`npm run bench:profile`: BENCH_CPU_PROFILE, BENCH_API_LOG_LEVEL). */
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  // Compiled, the benchmark starts the servers compiled with it; under ts-jest (the smoke test)
  // it starts those of the project's build in dist/.
  const serversDir = __filename.endsWith('.js')
    ? path.join(__dirname, 'servers')
    : path.join(PROJECT_ROOT, 'dist', 'bench', 'servers');
  const script = path.join(serversDir, SCRIPTS[system]);
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: PROJECT_ROOT,
    // stdin is a pipe the child watches: if this process dies, the pipe closes and the server stops.
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_NEO4J_URI: neo4j.uri,
      BENCH_NEO4J_USER: neo4j.user,
      BENCH_NEO4J_PASSWORD: neo4j.password,
      BENCH_NEO4J_GRAPHQL_TYPE_DEFS: NEO4J_GRAPHQL_TYPE_DEFS,
      ...extraEnv,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as ListeningMessage).listening);
      } catch {
        reject(new Error(`The ${system} server printed "${line}" instead of its port.`));
      }
    });
    void exited.then((code) => reject(new Error(`The ${system} server exited with code ${code} before it listened.`)));
  });
  child.stdout!.resume();
  return { system, ...childServer(child, exited, `http://127.0.0.1:${port}`) };
}

/** The handle of a started server process: its memory from /proc, and how to stop it. */
function childServer(
  child: ChildProcess,
  exited: Promise<number | null>,
  baseUrl: string,
  afterExit: () => void = () => {},
): ChildServer {
  const pid = child.pid!;
  return {
    pid,
    baseUrl,
    resetPeakMemory: () => fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    peakMemory: () => statusField(pid, 'VmHWM'),
    residentMemory: () => statusField(pid, 'VmRSS'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      afterExit();
      return code;
    },
  };
}

/**
 * Starts the API as `npm start` runs it (`node dist/src/main.js`, NODE_ENV=production) against
 * the given Neo4j on `port`, its output going to `logFile`, and resolves once /ready answers 200.
 * Unlike the benchmark's systems it is the whole program (bootstrap, limits, logs, metrics), not
 * createServer alone: `npm run load` measures what a deployment runs.
 */
export async function startApiProcess(
  port: number,
  neo4j: Neo4jConnectionConfig,
  logFile: string,
): Promise<ChildServer> {
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      // Per-request logs of a minute at hundreds of requests a second would measure the log sink.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}),
    },
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const server = childServer(child, exited, `http://127.0.0.1:${port}`, () => fs.closeSync(log));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(
          `The API exited with code ${exitCode} before it was ready; its output is in ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`,
        );
      }
      try {
        if ((await fetch(`${server.baseUrl}/ready`)).status === 200) return server;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        throw new Error(`The API did not answer ${server.baseUrl}/ready within 60 s; see ${logFile}.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    // A process that never became ready is not left running.
    await server.stop();
    throw error;
  }
}
