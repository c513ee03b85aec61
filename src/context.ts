import type { Logger } from 'pino';
import type { Caller } from './auth';
import { DEFAULT_MAX_PAGE_SIZE } from './config';
import { newQueryCounter, type Database, type QueryCounter } from './db/Database';
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

/** A fresh context for one request. */
export function createContext(
  db: Database,
  caller: Caller = ANONYMOUS,
  writesEnabled = false,
  log?: Logger,
  maxPageSize = DEFAULT_MAX_PAGE_SIZE,
  planner = true,
): Context {
  const queries = newQueryCounter();
  return {
    db,
    queries,
    loaders: createLoaders(db, queries),
    caller,
    writesEnabled,
    maxPageSize,
    planner,
    ...(log ? { log } : {}),
  };
}
