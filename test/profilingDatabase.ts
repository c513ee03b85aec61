import type { ReadContext } from '../src/context';
import type { CypherQuery } from '../src/db/cypher';
import { newQueryCounter, type Database, type QueryCounter, type Row } from '../src/db/Database';
import { createLoaders } from '../src/loaders';
import type { Reader } from '../src/loaders/batch';

/** One read a query function made, with the database hits of its plan. */
export interface ProfiledRead {
  query: string;
  dbHits: number;
}

/**
 * The gateway's reads, each run under PROFILE (Database.profile: the sum of `dbHits` over the
 * plan tree of `result.summary.profile`), so a test can run a query function exactly as the API
 * does (same Cypher files, same parameters, its loaders too) and assert on the database work of
 * the whole request. Counts round trips as Database does.
 */
export class ProfilingDatabase implements Reader {
  readonly reads: ProfiledRead[] = [];
  constructor(private readonly db: Database) {}

  async read(query: CypherQuery, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) {
      counter.count += 1;
      counter.names.push(query.name);
    }
    const { rows, dbHits } = await this.db.profile(query, params);
    this.reads.push({ query: query.name, dbHits });
    return rows;
  }

  /** The database hits of every read so far. */
  get dbHits(): number {
    return this.reads.reduce((sum, read) => sum + read.dbHits, 0);
  }
}

/** A request's read context whose every read (loaders included) goes through `db`. */
export function profilingContext(db: ProfilingDatabase, maxPageSize = 100): ReadContext {
  const queries = newQueryCounter();
  return { db, queries, loaders: createLoaders(db, queries), maxPageSize };
}
