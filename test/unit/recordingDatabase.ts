import type { ReadContext } from '../../src/context';
import type { CypherQuery } from '../../src/db/cypher';
import { newQueryCounter, type QueryCounter, type Row } from '../../src/db/Database';
import { createLoaders } from '../../src/loaders';
import type { Reader } from '../../src/loaders/batch';

/** One call of `read`: the query's name and its parameters. */
export interface ReadCall {
  query: string;
  params: Record<string, unknown>;
}

/**
 * A stand-in for the gateway's reads (src/db/Database.ts) that needs no database: it records each
 * call, counts it as Database does, and answers with `answer`. Unit tests of batch functions
 * and builders assert on `calls`, as graphql/dataloader's own tests record their load calls.
 */
export class RecordingDatabase implements Reader {
  readonly calls: ReadCall[] = [];
  constructor(private readonly answer: (query: string, params: Record<string, unknown>) => Row[] = () => []) {}

  async read(query: CypherQuery, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) {
      counter.count += 1;
      counter.names.push(query.name);
    }
    this.calls.push({ query: query.name, params });
    return this.answer(query.name, params);
  }
}

/** A request's read context over a RecordingDatabase. */
export function recordingContext(db: RecordingDatabase, maxPageSize = 100): ReadContext {
  const queries = newQueryCounter();
  return { db, queries, loaders: createLoaders(db, queries), maxPageSize };
}
