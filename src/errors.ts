import { GraphQLError, type ASTNode } from 'graphql';

/**
 * Error codes and error classes shared by the whole project.
 *
 * Every error the API answers carries one of `ErrorCode` in `extensions.code`. The errors a
 * request can meet are the `ApiError` classes below, each with its code and the HTTP status it
 * answers with when it ends a whole request (an export, a body too large, a rejected query);
 * src/server/clientErrors.ts turns any error into the body a client sees. Start-up and seed
 * errors (`ConfigError`, `SeedValidationError`) are plain `Error`s with a one-sentence message
 * that names the bad input; the CLI prints the message alone and exits non-zero.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** A mutation without a valid bearer token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Writes are off: the operator configured no write token. */
  FORBIDDEN: 'FORBIDDEN',
  /** Too many failed token attempts from this client address: wait for Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The query exceeds one of the configured limits (depth, cost, aliases, tokens). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request or a Cypher transaction ran past its time limit. */
  TIMEOUT: 'TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Apollo's codes (ApolloServerErrorCode) for requests that are not GraphQL the server can run;
  // the server raises them too (a body too large, an operation type the schema lacks).
  /** An HTTP request that cannot be read: a body too large or not JSON. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A document that is not GraphQL. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** A document that does not fit the schema. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** A document with several operations and no operationName, or an unknown one. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The HTTP status of each code, when its error answers a whole request (an export, a refused
 * query, a body that cannot be read). A GraphQL response whose fields failed is still a 200 with
 * `errors`, as GraphQL over HTTP says.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  // 503 rather than 504: the client may try again (perhaps asking less); no gateway timed out.
  TIMEOUT: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
};

/** Whether a value is one of ErrorCode. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(HTTP_STATUS, value);
}

export interface ApiErrorOptions {
  /** Extensions a client reads besides `code` (the argument named, a limit's numbers). */
  extensions?: Record<string, unknown>;
  /** The error behind this one, for the logs; never sent to a client. */
  cause?: unknown;
  /** What the logs say beyond the client's message (which Neo4j, since when); never sent. */
  detail?: string;
  /** The document's nodes, for a validation rule's report (it shows them as `locations`). */
  nodes?: ASTNode | readonly ASTNode[];
}

/**
 * An error a request can meet, with its `code` and HTTP `status` (HTTP_STATUS of the code unless
 * the class says otherwise). Its message is for the client:
 * one sentence that names the bad input, never Cypher or a stack. It is a GraphQLError, so that
 * graphql-js and Apollo keep its extensions wherever it is thrown (a resolver, a plugin, a
 * validation rule) and so that a validation rule can report it.
 */
export abstract class ApiError extends GraphQLError {
  readonly detail: string | undefined;
  readonly status: number;

  protected constructor(
    message: string,
    readonly code: ErrorCode,
    options: ApiErrorOptions & { status?: number | undefined } = {},
  ) {
    super(message, { nodes: options.nodes ?? null, extensions: { code, ...options.extensions } });
    this.status = options.status ?? HTTP_STATUS[code];
    this.detail = options.detail;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** Input that the API rejects (400): the message names the bad value, `argumentName` the argument. */
export class BadUserInputError extends ApiError {
  override name = 'BadUserInputError';
  constructor(message: string, options: ApiErrorOptions & { argumentName?: string | undefined } = {}) {
    const { argumentName, extensions, ...rest } = options;
    super(message, ErrorCode.BAD_USER_INPUT, {
      ...rest,
      extensions: { ...(argumentName ? { argumentName } : {}), ...extensions },
    });
  }
}

/** An id that is well formed but names nothing in the graph (404). */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, ErrorCode.NOT_FOUND, options);
  }
}

/** A request that needs credentials and carries none that are valid (401). */
export class UnauthenticatedError extends ApiError {
  override name = 'UnauthenticatedError';
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, ErrorCode.UNAUTHENTICATED, options);
  }
}

/** A request that no credentials would allow (403): writes are off. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, ErrorCode.FORBIDDEN, options);
  }
}

/**
 * A client address that has sent too many invalid tokens lately (429): requests with an
 * Authorization header are refused, unchecked, until `retryAfterSeconds` have passed
 * (src/server/tokenAttempts.ts). The client reads the wait in `extensions.retryAfterSeconds` and
 * the Retry-After header.
 */
export class RateLimitedError extends ApiError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many requests with an invalid token from this address; try again in ${retryAfterSeconds} s.`,
      ErrorCode.RATE_LIMITED,
      { extensions: { retryAfterSeconds } },
    );
  }
}

/** The query limits of src/server/limits.ts. */
export type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens' | 'expensiveFields';

/**
 * A query over one of the limits (400). `extensions` say which limit, its maximum and what the
 * query reached (`found`, left out when parsing or counting stopped at the maximum). It also
 * carries `http.status`: Apollo answers 500 for an error a plugin throws otherwise, and removes
 * `http` before the client sees the extensions.
 */
export class QueryTooComplexError extends ApiError {
  override name = 'QueryTooComplexError';
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    readonly found: number | undefined,
    what: string,
  ) {
    super(
      `The query's ${what} is ${found === undefined ? `more than ${max}` : `${found}`}; the limit is ${max}.`,
      ErrorCode.QUERY_TOO_COMPLEX,
      { extensions: { limit, max, ...(found === undefined ? {} : { found }), http: { status: 400 } } },
    );
  }
}

/** A document that does not fit the schema, reported by one of our validation rules (400). */
export class GraphQLValidationError extends ApiError {
  override name = 'GraphQLValidationError';
  constructor(message: string, nodes: ASTNode | readonly ASTNode[]) {
    super(message, ErrorCode.GRAPHQL_VALIDATION_FAILED, { nodes });
  }
}

/**
 * An HTTP request that cannot be read: a body that is not JSON (400), or what express reported
 * with its own 4xx `status` (an unsupported charset: 415).
 */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
  constructor(message: string, options: ApiErrorOptions & { status?: number | undefined } = {}) {
    super(message, ErrorCode.BAD_REQUEST, options);
  }
}

/** A request body over its limit (413, code BAD_REQUEST as Apollo's own request errors). */
export class PayloadTooLargeError extends ApiError {
  override name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes.`, ErrorCode.BAD_REQUEST, {
      status: 413,
    });
  }
}

/** A request that ran past its time limit and was stopped (503: try again, perhaps asking less). */
export class TimeoutError extends ApiError {
  override name = 'TimeoutError';
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, ErrorCode.TIMEOUT, options);
  }
}

/** Neo4j aborted a transaction that ran past its time limit (the configured one when known). */
export class QueryTimeoutError extends TimeoutError {
  override name = 'QueryTimeoutError';
  constructor(
    readonly timeoutMs: number | undefined,
    options: ApiErrorOptions = {},
  ) {
    super(
      timeoutMs === undefined
        ? 'The database query took longer than its time limit and was stopped.'
        : `The database query took longer than its ${timeoutMs} ms limit and was stopped.`,
      options,
    );
  }
}

/**
 * The client closed the connection before the request was answered, and its work was stopped.
 * Nobody reads the answer; the status is nginx's 499 ("client closed request") for the logs, and
 * the code BAD_REQUEST keeps it out of the server's own failures.
 */
export class RequestCancelledError extends ApiError {
  override name = 'RequestCancelledError';
  constructor(options: ApiErrorOptions = {}) {
    super('The client closed the request before it was answered.', ErrorCode.BAD_REQUEST, { ...options, status: 499 });
  }
}

/**
 * The error a request fails with once its AbortSignal has aborted: the signal's reason when it is
 * one of ours (the request's TimeoutError or RequestCancelledError), else a RequestCancelledError.
 */
export function cancellationError(signal: AbortSignal): ApiError {
  const reason: unknown = signal.reason;
  return reason instanceof ApiError ? reason : new RequestCancelledError({ cause: reason });
}

/** Something the API depends on is not answering (503); the request may succeed later. */
export class ServiceUnavailableError extends ApiError {
  override name = 'ServiceUnavailableError';
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, options);
  }
}

/**
 * Too many expensive operations (paths, neighbourhoods, graphs, exports) are running and waiting
 * on this instance (503, with `Retry-After: retryAfterSeconds`): the request was not started, so
 * it can be sent again as it is. 503 rather than 429: the limit is the server's capacity, shared
 * by every client, not a quota this client went over.
 */
export class ServerBusyError extends ServiceUnavailableError {
  override name = 'ServerBusyError';
  constructor(
    readonly retryAfterSeconds: number,
    options: ApiErrorOptions = {},
  ) {
    super(
      `The server is running as many path, neighbourhood, graph and export requests as it can; try again in ${retryAfterSeconds} s.`,
      { ...options, extensions: { retryAfterSeconds, ...options.extensions } },
    );
  }
}

/** Neo4j cannot be reached while serving; `detail` (for the logs) says which and why. */
export class DatabaseUnavailableError extends ServiceUnavailableError {
  override name = 'DatabaseUnavailableError';
  constructor(detail: string, options: Omit<ApiErrorOptions, 'detail'> = {}) {
    super('The database is not available right now; try again shortly.', { ...options, detail });
  }
}

/**
 * A write that a constraint of the graph refused (400): two curators creating the same id at
 * once. The write that knows which input field it was says so with its own BadUserInputError;
 * this one's message names no Cypher, the driver's message stays in `detail`.
 */
export class ConstraintViolationError extends ApiError {
  override name = 'ConstraintViolationError';
  constructor(detail: string, options: Omit<ApiErrorOptions, 'detail'> = {}) {
    super('The write conflicts with data already in the graph.', ErrorCode.BAD_USER_INPUT, {
      ...options,
      detail,
    });
  }
}

/**
 * A value that Neo4j refused to store (400): too large for its index (a range index entry holds
 * at most 8 kB). The write limits of the input schemas (src/seed/model.ts, WRITE_LIMITS) stop such
 * values first; this is the answer when one gets past them. The driver's message, which names
 * indexes and element ids, stays in `detail`.
 */
export class DatabaseRefusedValueError extends ApiError {
  override name = 'DatabaseRefusedValueError';
  constructor(detail: string, options: Omit<ApiErrorOptions, 'detail'> = {}) {
    super(
      'The database refused a value of this request as too large to index; shorten the longest values.',
      ErrorCode.BAD_USER_INPUT,
      {
        ...options,
        detail,
      },
    );
  }
}

/**
 * The server's fault (500). Clients only ever see this message: every error that is not an
 * ApiError (a bug, an unexpected driver error) is logged in full and answered as this one.
 */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
  constructor(options: ApiErrorOptions = {}) {
    super('Internal server error.', ErrorCode.INTERNAL_SERVER_ERROR, options);
  }
}

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

/**
 * A backup or restore that cannot go ahead: the file is missing, not a dump or export, truncated,
 * or neo4j-admin refused it. A restore that throws it has left the graph as it was.
 */
export class BackupError extends Error {
  override name = 'BackupError';
}
