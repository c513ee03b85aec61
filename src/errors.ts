/**
 * Error codes and error classes shared by the whole project.
 *
 * GraphQL errors carry one of `ErrorCode` in `extensions.code`. Start-up and seed errors are
 * plain `Error`s with a one-sentence message that names the bad input; the CLI prints the message
 * alone and exits non-zero.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** A mutation without a valid bearer token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Writes are off: the operator configured no write token. */
  FORBIDDEN: 'FORBIDDEN',
  /** The query exceeds one of the configured limits (depth, cost, aliases, tokens). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request or a Cypher transaction ran past its time limit. */
  TIMEOUT: 'TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Bad configuration or a missing prerequisite (Java, Maven, a busy port, a wrong password). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A seed file that does not pass validation: names the file, the record and the field. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in seed/:\n` + problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
