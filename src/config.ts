import fs from 'node:fs';
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
  /** Curators' bearer tokens (MEDICON_WRITE_TOKENS="name=token,..."); none: writes are off. */
  writeTokens: WriteTokens;
  /** When set, /metrics requires `Authorization: Bearer <MEDICON_METRICS_TOKEN>`. */
  metricsToken: string | undefined;
  /** pino level (LOG_LEVEL: fatal, error, warn, info, debug, trace, silent). */
  logLevel: string;
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
  return {
    production,
    introspection: booleanFromEnv(env, 'MEDICON_INTROSPECTION', !production),
    corsOrigins,
    limits: {
      maxDepth: intFromEnv(env, 'MEDICON_MAX_DEPTH', 12, 1, 1000),
      maxCost: intFromEnv(env, 'MEDICON_MAX_COST', 100_000, 1, 1_000_000_000),
      maxAliases: intFromEnv(env, 'MEDICON_MAX_ALIASES', 30, 0, 10_000),
      maxTokens: intFromEnv(env, 'MEDICON_MAX_TOKENS', 5_000, 10, 1_000_000),
      maxDirectives: intFromEnv(env, 'MEDICON_MAX_DIRECTIVES', 50, 0, 10_000),
      maxBodyBytes: intFromEnv(env, 'MEDICON_MAX_BODY_BYTES', 100 * 1024, 1024, 100 * 1024 * 1024),
      maxPageSize: intFromEnv(env, 'MEDICON_MAX_FIRST', DEFAULT_MAX_PAGE_SIZE, 1, 10_000),
    },
    requestTimeoutMs: intFromEnv(env, 'MEDICON_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    cypherTimeoutMs: intFromEnv(env, 'MEDICON_CYPHER_TIMEOUT_MS', 10_000, 100, 3_600_000),
    writeTokens: parseWriteTokens(env.MEDICON_WRITE_TOKENS),
    metricsToken: env.MEDICON_METRICS_TOKEN || undefined,
    logLevel,
    exposeQueryCount: booleanFromEnv(env, 'MEDICON_EXPOSE_QUERY_COUNT', false),
    network: {
      cacheSize: intFromEnv(env, 'MEDICON_METRICS_CACHE_SIZE', 32, 1, 10_000),
      exactMaxNodes: intFromEnv(env, 'MEDICON_METRICS_EXACT_MAX_NODES', 2000, 0, 1_000_000),
      pivots: intFromEnv(env, 'MEDICON_METRICS_PIVOTS', 256, 1, 1_000_000),
    },
  };
}

export interface AppConfig {
  port: number;
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
  return {
    port: intFromEnv(env, 'PORT', 4000, 0, 65535),
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
