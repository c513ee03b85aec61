import type { Logger } from 'pino';
import type { Caller } from './auth';
import { DEFAULT_MAX_PAGE_SIZE } from './config';
import { newQueryCounter, type Database, type QueryCounter, type RequestScope } from './db/Database';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: the database, this request's loaders, its query counter and caller. */
export interface Context {
  db: Database;
  loaders: Loaders;
  queries: QueryCounter;
  /** Who is calling; mutations require `caller.writer` (see src/auth.ts). */
  caller: Caller;
  /** Whether the operator configured any write token (no token: writes are off). */
  writesEnabled: boolean;
  /** The largest page a list returns (ApiSettings.limits.maxPageSize, MEDICON_MAX_FIRST). */
  maxPageSize: number;
  /** The request's logger (carries its request id); absent outside HTTP requests. */
  log?: Logger;
  /**
   * Aborts when the request can no longer be answered (timed out, or the client went away):
   * `db` then stops its work, and a request waiting for an expensive slot leaves the queue.
   * Absent outside HTTP requests.
   */
  signal?: AbortSignal;
  /**
   * Whether root fields read their hot shapes in one planned statement (src/planner/); off, every
   * level is read through the loaders as before (the tests compare the two answers).
   */
  planner: boolean;
}

/**
 * What a read needs: the gateway's `read` only, so that unit tests can hand the queries and
 * loaders a stub that records each call instead of a database.
 */
export type ReadContext = Pick<Context, 'loaders' | 'queries' | 'maxPageSize'> & { db: Pick<Database, 'read'> };

const ANONYMOUS: Caller = { writer: undefined, rejectedCredentials: false };

/** How a request's context differs from the defaults: an anonymous reader, no writes, the planner on. */
export interface ContextOptions {
  caller?: Caller;
  writesEnabled?: boolean;
  log?: Logger;
  maxPageSize?: number;
  scope?: RequestScope;
  /** Off: every field reads through the loaders, level by level (tests compare both ways). */
  planner?: boolean;
}

/**
 * A fresh context for one request. With a `scope` (an HTTP request's, see
 * src/server/httpMiddleware.ts requestTimeout), every query runs through `db.scoped(scope)`, so
 * the request's Neo4j work stops when it times out or its client goes away.
 */
export function createContext(
  db: Database,
  {
    caller = ANONYMOUS,
    writesEnabled = false,
    log,
    maxPageSize = DEFAULT_MAX_PAGE_SIZE,
    scope,
    planner = true,
  }: ContextOptions = {},
): Context {
  const queries = newQueryCounter();
  const requestDb = scope ? db.scoped(scope) : db;
  return {
    db: requestDb,
    queries,
    loaders: createLoaders(requestDb, queries),
    caller,
    writesEnabled,
    maxPageSize,
    planner,
    ...(log ? { log } : {}),
    ...(scope ? { signal: scope.signal } : {}),
  };
}
