import { cypherStatements } from './cypher';
import type { Database } from './Database';

/**
 * Applies `cypher/schema.cypher` (constraints and indexes, all `IF NOT EXISTS`), then waits until
 * the indexes are online so that the first queries can use them.
 */
export async function applySchema(db: Database): Promise<number> {
  const statements = cypherStatements('schema');
  for (const statement of statements) await db.runSchemaStatement(statement);
  await db.runSchemaStatement('CALL db.awaitIndexes(120)');
  return statements.length;
}
