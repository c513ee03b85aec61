import { newQueryCounter, type Database, type QueryCounter } from './db/Database';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: the database, this request's loaders and its query counter. */
export interface Context {
  db: Database;
  loaders: Loaders;
  queries: QueryCounter;
}

/** A fresh context for one request. */
export function createContext(db: Database): Context {
  const queries = newQueryCounter();
  return { db, queries, loaders: createLoaders(db, queries) };
}
