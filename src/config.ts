import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseWriteTokens, type WriteTokens } from './auth';
import { ConfigError } from './errors';
import type { NetworkSettings } from './network/networkHandle';

/**
 * Where the project lives: the folder with package.json, neo4j/pom.xml, cypher/, seed/.
 * Compiled code runs from dist/src and tests from src, so walk up to the nearest package.json.
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above "${start}".`);
  }
}

/** How to reach Neo4j. `local` is set when the project runs its own server (no NEO4J_URI). */
export interface Neo4jConnectionConfig {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface LocalNeo4jSettings {
  /** Folder for the jars, the instances' data and the generated password. */
  runtimeDir: string;
  boltPort: number;
  heapSize: string;
  pageCacheSize: string;
  startTimeoutSeconds: number;
}

/** Limits on every GraphQL request; each has an environment variable (README, Operations). */
export interface QueryLimits {
  /** Deepest field nesting (MEDICON_MAX_DEPTH). */
  maxDepth: number;
  /** Estimated rows: a list of `first` items multiplies the cost of what it selects (MEDICON_MAX_COST). */
  maxCost: number;
  /** Aliased fields per operation (MEDICON_MAX_ALIASES). */
  maxAliases: number;
  /** Expensive fields (the graph searches `paths` and `neighbourhood`) per operation (MEDICON_MAX_EXPENSIVE_FIELDS). */
  maxExpensiveFields: number;
  /** Lexical tokens in the document (MEDICON_MAX_TOKENS). */
  maxTokens: number;
  /** Directives per operation (MEDICON_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Largest request body, in bytes (MEDICON_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Largest page of a list (`first`) and most ids of `nodes` (MEDICON_MAX_FIRST). */
  maxPageSize: number;
}

/** How the HTTP API behaves: limits, timeouts, exposure, writes. */
export interface ApiSettings {
  /** NODE_ENV=production: no introspection, no stack traces, no field suggestions by default. */
  production: boolean;
  /** GraphQL introspection (MEDICON_INTROSPECTION=true|false; default: on unless production). */
  introspection: boolean;
  /** Origins allowed by CORS (CORS_ORIGINS, comma-separated, or "*"); empty: local tools only (httpMiddleware's LOCAL_ORIGIN). */
  corsOrigins: string[];
  limits: QueryLimits;
  /** Longest a request may take before it is answered with TIMEOUT (MEDICON_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Longest a Cypher transaction may run before Neo4j aborts it (MEDICON_CYPHER_TIMEOUT_MS). */
  cypherTimeoutMs: number;
  /**
   * Expensive operations (paths, neighbourhood, graph, /export) run at most this many at a time
   * per instance (MEDICON_MAX_CONCURRENT_EXPENSIVE; default: one per two cores, at least 1).
   */
  maxConcurrentExpensive: number;
  /**
   * Expensive operations that may wait for a slot (MEDICON_EXPENSIVE_QUEUE; default: 16 times
   * the limit); past that they are answered SERVICE_UNAVAILABLE (503) with Retry-After. 0: none wait.
   */
  expensiveQueue: number;
  /** Curators' bearer tokens (MEDICON_WRITE_TOKENS="name=token,..."); none: writes are off. */
  writeTokens: WriteTokens;
  /** When set, /metrics requires `Authorization: Bearer <MEDICON_METRICS_TOKEN>`. */
  metricsToken: string | undefined;
  /**
   * Failed token attempts (a request whose Authorization header carries no valid token) allowed
   * per client address and window; past them, requests with an Authorization header are answered
   * 429 RATE_LIMITED with Retry-After until the window ends (MEDICON_AUTH_FAILURES_MAX,
   * MEDICON_AUTH_FAILURES_WINDOW_SECONDS). Requests without one are not limited.
   */
  authFailures: { max: number; windowSeconds: number };
  /**
   * Express's "trust proxy" (MEDICON_TRUST_PROXY): which proxies may name the client in
   * X-Forwarded-For, and so which address the token-attempt limit counts. Off by default: the
   * client is the address that connected, and a client cannot pick another by sending the header.
   * Behind a reverse proxy, set it to the proxy's hops or addresses ("1", "loopback", "10.0.0.1"),
   * or every client shares the proxy's address.
   */
  trustProxy: boolean | number | string;
  /** pino level (LOG_LEVEL: fatal, error, warn, info, debug, trace, silent). */
  logLevel: string;
  /**
   * One request line in this many for answers below 400 (MEDICON_LOG_REQUESTS_EVERY; default 1:
   * every request). Client and server errors are always logged.
   */
  requestLogEvery: number;
  /**
   * Cypher round trips of each request in the response's `extensions.queryCount`
   * (MEDICON_EXPOSE_QUERY_COUNT; default off): for the benchmark, which counts them from outside.
   */
  exposeQueryCount: boolean;
  /** Network metrics: cache size, exact betweenness up to a size, pivots above it (MEDICON_METRICS_*). */
  network: NetworkSettings;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function booleanFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|on|yes)$/i.test(raw)) return true;
  if (/^(false|0|off|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}".`);
}

/** The largest `first` a client may ask for unless MEDICON_MAX_FIRST says otherwise. */
export const DEFAULT_MAX_PAGE_SIZE = 100;

/** Reads the API's settings from the environment; a bad value is a ConfigError naming it. */
export function loadApiSettings(env: NodeJS.ProcessEnv = process.env): ApiSettings {
  const production = env.NODE_ENV === 'production';
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^\s/]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins such as "https://example.org" (no path), or "*"; "${origin}" is not one.`,
      );
    }
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  }
  const maxConcurrentExpensive = intFromEnv(
    env,
    'MEDICON_MAX_CONCURRENT_EXPENSIVE',
    // Half the cores: an expensive query keeps one busy in Neo4j, and the other half stays free for
    // the cheap queries (the flood test of `npm run load`, README Operations).
    Math.max(1, Math.floor(os.availableParallelism() / 2)),
    1,
    10_000,
  );
  return {
    production,
    introspection: booleanFromEnv(env, 'MEDICON_INTROSPECTION', !production),
    corsOrigins,
    limits: {
      maxDepth: intFromEnv(env, 'MEDICON_MAX_DEPTH', 12, 1, 1000),
      maxCost: intFromEnv(env, 'MEDICON_MAX_COST', 100_000, 1, 1_000_000_000),
      maxAliases: intFromEnv(env, 'MEDICON_MAX_ALIASES', 30, 0, 10_000),
      maxExpensiveFields: intFromEnv(env, 'MEDICON_MAX_EXPENSIVE_FIELDS', 3, 1, 1000),
      maxTokens: intFromEnv(env, 'MEDICON_MAX_TOKENS', 5_000, 10, 1_000_000),
      maxDirectives: intFromEnv(env, 'MEDICON_MAX_DIRECTIVES', 50, 0, 10_000),
      maxBodyBytes: intFromEnv(env, 'MEDICON_MAX_BODY_BYTES', 100 * 1024, 1024, 100 * 1024 * 1024),
      maxPageSize: intFromEnv(env, 'MEDICON_MAX_FIRST', DEFAULT_MAX_PAGE_SIZE, 1, 10_000),
    },
    requestTimeoutMs: intFromEnv(env, 'MEDICON_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    cypherTimeoutMs: intFromEnv(env, 'MEDICON_CYPHER_TIMEOUT_MS', 10_000, 100, 3_600_000),
    maxConcurrentExpensive,
    // Waiting costs nothing but memory, and the request timeout bounds it; refused clients that
    // retry at once cost the server a parse and a 503 each (the flood test: npm run load).
    expensiveQueue: intFromEnv(env, 'MEDICON_EXPENSIVE_QUEUE', 16 * maxConcurrentExpensive, 0, 100_000),
    writeTokens: parseWriteTokens(env.MEDICON_WRITE_TOKENS),
    metricsToken: env.MEDICON_METRICS_TOKEN || undefined,
    authFailures: {
      max: intFromEnv(env, 'MEDICON_AUTH_FAILURES_MAX', 20, 1, 1_000_000),
      windowSeconds: intFromEnv(env, 'MEDICON_AUTH_FAILURES_WINDOW_SECONDS', 900, 1, 86_400),
    },
    trustProxy: trustProxyFromEnv(env),
    logLevel,
    requestLogEvery: intFromEnv(env, 'MEDICON_LOG_REQUESTS_EVERY', 1, 1, 1_000_000),
    exposeQueryCount: booleanFromEnv(env, 'MEDICON_EXPOSE_QUERY_COUNT', false),
    network: {
      cacheSize: intFromEnv(env, 'MEDICON_METRICS_CACHE_SIZE', 32, 1, 10_000),
      exactMaxNodes: intFromEnv(env, 'MEDICON_METRICS_EXACT_MAX_NODES', 2000, 0, 1_000_000),
      pivots: intFromEnv(env, 'MEDICON_METRICS_PIVOTS', 256, 1, 1_000_000),
    },
  };
}

/** MEDICON_TRUST_PROXY: off, a number of hops, or addresses and subnets (express's forms). */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = (env.MEDICON_TRUST_PROXY ?? '').trim();
  if (raw === '' || /^(false|0|off|no)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const names = raw.split(',').map((part) => part.trim());
  const valid = (name: string) =>
    ['loopback', 'linklocal', 'uniquelocal'].includes(name) || net.isIP(name.split('/')[0]!) !== 0;
  if (!names.every(valid)) {
    throw new ConfigError(
      `MEDICON_TRUST_PROXY must be a number of proxy hops, or addresses and subnets (such as "loopback" or "10.0.0.0/8"), not "${raw}".`,
    );
  }
  return names.join(',');
}

/** The listen address unless HOST says otherwise: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

export interface AppConfig {
  port: number;
  /**
   * The address the API listens on (HOST): 127.0.0.1 by default, so that only this machine
   * reaches it; HOST=0.0.0.0 (or ::) serves it on every network interface.
   */
  host: string;
  /** Set when NEO4J_URI points at another Neo4j: then no local server is started. */
  external: Neo4jConnectionConfig | undefined;
  local: LocalNeo4jSettings;
  /** Password for the local server from NEO4J_PASSWORD; otherwise one is generated once. */
  localPassword: string | undefined;
  /** `npm start` reloads seed/ into a graph that has data (SEED_RELOAD, as `--reload-seed` does). */
  reloadSeed: boolean;
}

const MEMORY_SIZE = /^\d+[kmgKMG]?$/;

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function memoryFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!MEMORY_SIZE.test(raw)) {
    throw new ConfigError(`${name} must be a memory size such as "512m" or "2g", not "${raw}".`);
  }
  return raw;
}

/**
 * Reads the configuration from the environment. `profile` chooses the defaults: the test profile
 * uses its own Bolt port and instance folder so that tests never touch the user's data, and reads
 * NEO4J_TEST_* instead of NEO4J_* for an external server.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, profile: 'dev' | 'test' = 'dev'): AppConfig {
  const prefix = profile === 'test' ? 'NEO4J_TEST_' : 'NEO4J_';
  const uri = env[`${prefix}URI`];
  let external: Neo4jConnectionConfig | undefined;
  if (uri) {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
      throw new ConfigError(
        `${prefix}URI must start with neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc://, not "${uri}".`,
      );
    }
    const password = env[`${prefix}PASSWORD`];
    if (!password) throw new ConfigError(`${prefix}URI is set, so ${prefix}PASSWORD must be set too.`);
    external = {
      uri,
      user: env[`${prefix}USER`] || 'neo4j',
      password,
      database: env[`${prefix}DATABASE`] || undefined,
    };
  }
  const isTest = profile === 'test';
  const host = (env.HOST ?? '').trim() || DEFAULT_HOST;
  if (net.isIP(host) === 0 && host !== 'localhost') {
    throw new ConfigError(
      `HOST must be the IP address to listen on (127.0.0.1, ::1, 0.0.0.0 for every interface) or localhost, not "${host}".`,
    );
  }
  return {
    port: intFromEnv(env, 'PORT', 4000, 0, 65535),
    host,
    external,
    localPassword: isTest ? undefined : env.NEO4J_PASSWORD || undefined,
    reloadSeed: booleanFromEnv(env, 'SEED_RELOAD', false),
    local: {
      runtimeDir: path.resolve(PROJECT_ROOT, env.NEO4J_RUNTIME_DIR || '.neo4j'),
      boltPort: intFromEnv(env, isTest ? 'NEO4J_TEST_BOLT_PORT' : 'NEO4J_BOLT_PORT', isTest ? 7688 : 7687, 1, 65535),
      // A 2-core, 24 GiB machine: the graph is small, so a modest heap and page cache leave room
      // for the API, the tests and a browser.
      heapSize: memoryFromEnv(env, 'NEO4J_HEAP_SIZE', isTest ? '1g' : '2g'),
      pageCacheSize: memoryFromEnv(env, 'NEO4J_PAGECACHE_SIZE', isTest ? '512m' : '2g'),
      startTimeoutSeconds: intFromEnv(env, 'NEO4J_START_TIMEOUT', 180, 5, 3600),
    },
  };
}
