import { unwrapResolverError } from '@apollo/server/errors';
import type { Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { classifyDriverError } from '../db/driverErrors';
import {
  ApiError,
  BadRequestError,
  ErrorCode,
  HTTP_STATUS,
  InternalServerError,
  isErrorCode,
  PayloadTooLargeError,
  QueryTooComplexError,
  ServerBusyError,
} from '../errors';
import { ECHO_LIMIT, truncate } from '../text/truncate';
import type { Logger } from './logging';

/**
 * The one way from an error to what a client sees, for GraphQL's formatError and for every HTTP
 * route that answers an error as JSON. Client errors keep their message and extensions; the
 * server's own failures are masked as INTERNAL_SERVER_ERROR (the caller logs them in full).
 */

/** What a client is told about an error. */
export interface ClientError {
  /** The HTTP status when the error answers a whole request (a route's answer, not a field's). */
  status: number;
  /** `{ message, locations?, path?, extensions: { code, ... } }`: the same shape on every route. */
  body: GraphQLFormattedError & { extensions: { code: ErrorCode } };
  /** The error behind Apollo's and graphql-js's wrappers: the one to log. */
  original: unknown;
  /** The server's fault: `body` is masked, `original` must be logged in full (at level error). */
  internal: boolean;
}

export interface ClientErrorOptions {
  /** Add the stack trace of an internal error (`extensions.stacktrace`): outside production only. */
  stacktraces?: boolean;
  /**
   * Keep graphql-js's "Did you mean ...?" suggestions (fields, arguments, types, enum values) in
   * messages; false where introspection is off, since they would reveal the schema it hides.
   * Default true.
   */
  suggestions?: boolean;
}

/**
 * The error behind the wrappers: graphql-js wraps what a resolver throws (with its path), Apollo
 * what a validation rule or the parser reported (with its code).
 */
export function originalOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof GraphQLError && unwrapped.originalError) return unwrapped.originalError;
  return unwrapped;
}

/** graphql-js's parser message for a document over `maxTokens` ("more that" is graphql-js 16's). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/;

/**
 * graphql-js 16's reports on an argument it cannot coerce (execution/values.ts getArgumentValues):
 * a variable that is null or missing where the argument is non-null (`$n: Int = 5` given null for
 * `first: Int!`, which validation allows because of the default) or a value it cannot read. They
 * are thrown while a field executes, so they arrive with a path like a resolver's failure, but
 * they are the document's and variables' fault.
 */
const ARGUMENT_COERCION =
  /^Argument "[^"]+" (?:of required type "[^"]*" was not provided|of non-null type "[^"]*" must not be null|has invalid value )/;

/** graphql-js's own report on coercing an argument (nothing behind it, no code of its own). */
function isArgumentCoercion(error: unknown): error is GraphQLError {
  return (
    error instanceof GraphQLError &&
    !(error instanceof ApiError) &&
    error.extensions.code === undefined &&
    !error.originalError &&
    ARGUMENT_COERCION.test(error.message)
  );
}

/** A double-quoted value as graphql-js prints it (JSON: inner quotes and backslashes escaped). */
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * graphql-js's and Apollo's messages with every quoted value cut to ECHO_LIMIT characters: they
 * echo the client's input whole (a 95,000-character field name, enum value or string literal).
 * Our own messages cut what they echo where they are written (src/text/truncate.ts).
 */
function shortenEchoes(message: string): string {
  return message.replace(QUOTED, (quoted: string, inner: string) =>
    inner.length > ECHO_LIMIT ? `"${truncate(inner)}"` : quoted,
  );
}

/** graphql-js's suggestions: ' Did you mean "a", "b", or "c"?', ' Did you mean the enum value "X"?' and the like. */
const SUGGESTION = /\s*Did you mean (?:[^"?]|"(?:[^"\\]|\\.)*")*\?/g;

function httpStatusIn(extensions: GraphQLError['extensions']): number | undefined {
  const status = (extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The error as one of ours, when it is one or says plainly what it is: a driver error (classified
 * as Database does) or a document over the token limit. Undefined for anything else.
 */
function asApiError(error: unknown, original: unknown): ApiError | undefined {
  if (original instanceof ApiError) return original;
  const fromDriver = classifyDriverError(original);
  if (fromDriver) return fromDriver;
  const tokens = error instanceof GraphQLError && !error.path ? TOKEN_LIMIT.exec(error.message) : null;
  if (tokens) return new QueryTooComplexError('tokens', Number(tokens[1]), undefined, 'number of tokens');
  return undefined;
}

/**
 * The code of a GraphQLError that is not one of our classes but says it is the client's fault,
 * or undefined: a code of ErrorCode with a 4xx status (Apollo's GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for bad variables ...); a 4xx without a code (Apollo's
 * persisted-query hash mismatch) as BAD_REQUEST; graphql-js's report on an argument it cannot
 * coerce as BAD_USER_INPUT; graphql-js's own report on a document (no code, no path, nothing
 * behind it) as a parse or validation failure, as Apollo labels them.
 */
function clientCodeOf(error: GraphQLError, original: unknown): ErrorCode | undefined {
  if (isArgumentCoercion(original)) return ErrorCode.BAD_USER_INPUT;
  const code = error.extensions.code;
  if (code !== undefined) return isErrorCode(code) && HTTP_STATUS[code] < 500 ? code : undefined;
  const status = httpStatusIn(error.extensions);
  if (status !== undefined) return status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : undefined;
  if (error.path || error.originalError) return undefined;
  return error.message.startsWith('Syntax Error:')
    ? ErrorCode.GRAPHQL_PARSE_FAILED
    : ErrorCode.GRAPHQL_VALIDATION_FAILED;
}

/** Where in the document and the response the error is: 4xx errors keep both, the others `path` only. */
function position(
  located: GraphQLError | undefined,
  status: number,
): Pick<GraphQLFormattedError, 'locations' | 'path'> {
  return {
    ...(status < 500 && located?.locations ? { locations: located.locations } : {}),
    ...(located?.path ? { path: located.path } : {}),
  };
}

/** A client's extensions: the code first, without Apollo's `http` and any stack trace. */
function clientExtensions(code: ErrorCode, extensions: GraphQLError['extensions']): ClientError['body']['extensions'] {
  const { code: _code, http: _http, stacktrace: _stacktrace, ...rest } = extensions;
  return { code, ...rest };
}

/**
 * What express passes to an error handler about a request it could not read, as one of ours:
 * body-parser's body too large (413) or not JSON (400), and any other error express gives a 4xx
 * `status` (a path parameter that is not valid percent-encoding, an unsupported charset) as
 * BAD_REQUEST with that status. Undefined for anything else (the server's fault). Only for
 * express's error handlers: elsewhere an error with a `status` is a library's, not the client's.
 */
export function fromExpress(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (typeof error !== 'object' || error === null || error instanceof GraphQLError) return undefined;
  const { type, status, limit } = error as Record<string, unknown>;
  if (type === 'entity.too.large' && typeof limit === 'number') return new PayloadTooLargeError(limit);
  if (type === 'entity.parse.failed') return new BadRequestError('The request body is not valid JSON.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new BadRequestError('The request could not be read.', { status });
  }
  return undefined;
}

/**
 * Turns any error (ours, graphql-js's, Apollo's, the driver's; express's through fromExpress) into what the client is
 * told. Client errors (4xx) keep their message (graphql-js's and Apollo's with the values they echo
 * cut to ECHO_LIMIT, and without suggestions when `suggestions` is false), locations, path and extensions; ours that are not
 * the client's fault (TIMEOUT, SERVICE_UNAVAILABLE) keep their message and path; everything else is
 * masked as INTERNAL_SERVER_ERROR with the path only (and the stack trace when `stacktraces`).
 * Never throws: Apollo would answer a formatError that throws with its own masked error.
 */
export function toClientError(error: unknown, options: ClientErrorOptions = {}): ClientError {
  const original = originalOf(error);
  const located = error instanceof GraphQLError ? error : original instanceof GraphQLError ? original : undefined;
  const ours = asApiError(error, original);
  if (ours && !(ours instanceof InternalServerError)) {
    return {
      status: ours.status,
      body: {
        message: ours.message,
        ...position(located ?? ours, ours.status),
        extensions: clientExtensions(ours.code, ours.extensions),
      },
      original,
      internal: false,
    };
  }
  const code = error instanceof GraphQLError && !ours ? clientCodeOf(error, original) : undefined;
  if (error instanceof GraphQLError && code) {
    const status = httpStatusIn(error.extensions) ?? HTTP_STATUS[code];
    const message = shortenEchoes(error.message);
    return {
      status,
      body: {
        message: options.suggestions === false ? message.replace(SUGGESTION, '') : message,
        ...position(error, status),
        extensions: clientExtensions(code, error.extensions),
      },
      original,
      internal: false,
    };
  }
  const masked = new InternalServerError();
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    status: masked.status,
    body: {
      message: masked.message,
      ...position(located, masked.status),
      extensions: {
        code: masked.code,
        ...(options.stacktraces && stack ? { stacktrace: stack.split('\n') } : {}),
      },
    },
    original,
    internal: true,
  };
}

/**
 * Logs what the client is not told: an internal error in full (level error, `what` failed), an
 * error of ours that is not the client's fault (an unavailable database, a timeout) as a warning
 * with its detail. Client errors are not logged, nor is ServerBusyError: the request log has
 * their status.
 */
export function logClientError(log: Logger, client: ClientError, what: string): void {
  // Shedding load is the limit working, one request at a time: the request's own log line (its
  // 503) says enough, and a flood would otherwise write a stack trace per refusal.
  if (client.original instanceof ServerBusyError) return;
  if (client.internal) {
    log.error({ err: client.original }, what);
  } else if (client.status >= 500) {
    const detail = client.original instanceof ApiError ? client.original.detail : undefined;
    log.warn({ err: client.original }, detail ?? client.body.message);
  }
}

/**
 * Answers a request with an error: its status and `{ errors: [body] }`, the GraphQL response's
 * shape, so a client reads every route's errors the same way. `extra` adds members beside
 * `errors` (the exports' older `error`). Nothing is sent when the response has started (a
 * request that timed out was answered already).
 */
export function sendClientError(
  res: Response,
  error: unknown,
  log: Logger,
  what: string,
  extra: (client: ClientError) => Record<string, unknown> = () => ({}),
): void {
  const client = toClientError(error);
  logClientError(log, client, what);
  if (res.headersSent) return;
  if (client.original instanceof ServerBusyError) res.set('Retry-After', String(client.original.retryAfterSeconds));
  res.status(client.status).json({ errors: [client.body], ...extra(client) });
}
