import type { Logger } from 'pino';
import type { Caller } from './auth';
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
  /** The request's logger (carries its request id); absent outside HTTP requests. */
  log?: Logger;
}

const ANONYMOUS: Caller = { writer: undefined, rejectedCredentials: false };

/** A fresh context for one request. */
export function createContext(db: Database, caller: Caller = ANONYMOUS, writesEnabled = false, log?: Logger): Context {
  const queries = newQueryCounter();
  return { db, queries, loaders: createLoaders(db, queries), caller, writesEnabled, ...(log ? { log } : {}) };
}
