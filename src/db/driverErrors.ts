import { ConstraintViolationError, DatabaseUnavailableError, QueryTimeoutError, type ApiError } from '../errors';

/** The Neo4j driver's error code (`Neo.ClientError...`, `ServiceUnavailable`), or '' for any other error. */
function driverCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * The one place that reads the driver's error codes: turns an error of the Neo4j driver into the
 * project's error for it, or returns undefined when it is none of these (a Cypher bug, anything
 * unexpected: the caller rethrows it and the API masks it as INTERNAL_SERVER_ERROR).
 * - Neo4j cannot be reached (or the session went away): DatabaseUnavailableError.
 * - Neo4j stopped a transaction past its time limit: QueryTimeoutError (with the limit `timeoutMs`
 *   this server set, when it set one).
 * - A constraint refused a write: ConstraintViolationError.
 */
export function classifyDriverError(
  error: unknown,
  where: { uri?: string; timeoutMs?: number | undefined } = {},
): ApiError | undefined {
  const code = driverCode(error);
  if (code === '') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (UNAVAILABLE_CODES.has(code)) {
    const neo4j = where.uri ? `Neo4j at ${where.uri}` : 'Neo4j';
    return new DatabaseUnavailableError(`${neo4j} is not answering: ${message}`, { cause: error });
  }
  // Neo.ClientError.Transaction.TransactionTimedOut(ClientConfiguration), by Neo4j version.
  if (code.includes('TransactionTimedOut')) return new QueryTimeoutError(where.timeoutMs, { cause: error });
  if (code.includes('ConstraintValidationFailed')) {
    return new ConstraintViolationError(`${code}: ${message}`, { cause: error });
  }
  return undefined;
}
