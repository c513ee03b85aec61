import type { Neo4jConnectionConfig } from '../config';
import {
  ConfigError,
  ConstraintViolationError,
  DatabaseRefusedValueError,
  DatabaseUnavailableError,
  QueryTimeoutError,
  type ApiError,
} from '../errors';

/** The Neo4j driver's error code (`Neo.ClientError...`, `ServiceUnavailable`), or '' for any other error. */
function driverCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * A value too large for an index entry (a range index entry holds at most 8 kB). Neo4j 5.26
 * reports it as Neo.DatabaseError.Statement.ExecutionFailed (GQLSTATUS 50N00), so its message is
 * what tells it apart. It is the one refusal of a value that a client's input can cause: every
 * value is a parameter and is validated first (src/seed/model.ts), so other client errors (a
 * type error, a data exception, a syntax error) mean a bug in the server's own Cypher or values,
 * and stay internal: logged in full, answered INTERNAL_SERVER_ERROR.
 */
const TOO_LARGE_TO_INDEX = /too large to index/i;

/**
 * The one place that reads the driver's error codes (for Database, the one gateway to Neo4j): turns an error of the Neo4j driver into the
 * project's error for it, or returns undefined when it is none of these (a Cypher bug, anything
 * unexpected: the caller rethrows it and the API masks it as INTERNAL_SERVER_ERROR).
 * - Neo4j cannot be reached (or the session went away): DatabaseUnavailableError.
 * - Neo4j stopped a transaction past its time limit: QueryTimeoutError (with the limit `timeoutMs`
 *   this server set, when it set one).
 * - A constraint refused a write: ConstraintViolationError.
 * - Neo4j refused a value as too large to index: DatabaseRefusedValueError, BAD_USER_INPUT, never
 *   INTERNAL_SERVER_ERROR with a stack.
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
  if (TOO_LARGE_TO_INDEX.test(message)) {
    return new DatabaseRefusedValueError(`${code}: ${message}`, { cause: error });
  }
  return undefined;
}

/**
 * What a failed start-up check (Database.connect) means for the operator: a ConfigError that says
 * whether the user and password were rejected, the database does not exist, or the server could
 * not be reached, and which setting to check.
 */
export function connectionConfigError(
  error: unknown,
  config: Pick<Neo4jConnectionConfig, 'uri' | 'user' | 'database'>,
): ConfigError {
  const code = driverCode(error);
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
    return new ConfigError(
      `Neo4j at ${config.uri} rejected user "${config.user}" and its password (${code}); check NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  if (code.includes('DatabaseNotFound')) {
    return new ConfigError(`Neo4j at ${config.uri} has no database "${config.database}"; check NEO4J_DATABASE.`);
  }
  return new ConfigError(
    `Neo4j at ${config.uri} could not be reached (${code || 'error'}: ${detail}); check NEO4J_URI and that the server is running.`,
  );
}
