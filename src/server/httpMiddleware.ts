import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { setMaxListeners } from 'node:events';
import type { ApiSettings } from '../config';
import type { RequestScope } from '../db/Database';
import { BadRequestError, PayloadTooLargeError, RequestCancelledError, TimeoutError } from '../errors';
import { fromExpress, sendClientError } from './clientErrors';
import type { Logger } from './logging';

/**
 * Refuses a body whose declared length is over the limit at once (413), without reading it:
 * body-parser would first wait for all of it, however large the client says it is.
 */
export function declaredBodyLimit(maxBytes: number, log: Logger): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.set('Connection', 'close');
      sendClientError(res, new PayloadTooLargeError(maxBytes), req.log ?? log, 'Request failed');
      return;
    }
    next();
  };
}

/** The request's scope that requestTimeout made: its AbortSignal and deadline (undefined on other routes). */
export function requestScopeOf(res: Response): RequestScope | undefined {
  return res.locals.requestScope as RequestScope | undefined;
}

/**
 * Gives the request a scope (requestScopeOf) whose signal aborts when the request can no longer
 * be answered, so that its Neo4j work stops with it (Database.scoped): after `ms` it answers
 * TIMEOUT (503) and aborts with that TimeoutError; when the client closes the connection before
 * the answer is sent, it aborts with a RequestCancelledError. The Cypher transaction timeout
 * (shorter by default) normally stops a slow query first; this bounds everything else.
 */
export function requestTimeout(ms: number, log: Logger): RequestHandler {
  return (req, res, next) => {
    const controller = new AbortController();
    // Each open Neo4j session of the request listens (Database.scoped), and a request with many
    // fields has many at once: not the leak Node warns of past 10 listeners.
    setMaxListeners(0, controller.signal);
    const scope: RequestScope = {
      signal: controller.signal,
      deadline: Date.now() + ms,
      requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : undefined,
    };
    res.locals.requestScope = scope;
    const timer = setTimeout(() => {
      if (!res.headersSent) res.set('Retry-After', '5');
      const error = new TimeoutError(`The request took longer than its ${ms} ms limit and was stopped.`);
      sendClientError(res, error, req.log ?? log, 'Request failed');
      controller.abort(error);
    }, ms);
    // 'close' fires when the answer has been sent (writableFinished) or when the connection went
    // away first: then nobody will read the answer, and the work stops.
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished && !controller.signal.aborted) controller.abort(new RequestCancelledError());
    });
    next();
  };
}

/**
 * Origins of tools on the developer's own machine (any port of localhost, 127.0.0.1 or [::1]):
 * the ones CORS allows when CORS_ORIGINS is not set, so that a GraphQL IDE or a front end served
 * by a dev server calls the API without configuration, and no site on the internet can.
 */
export const LOCAL_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/**
 * CORS for the configured origins (CORS_ORIGINS; "*" for any), or for LOCAL_ORIGIN when none are
 * configured. A preflight (OPTIONS with an Origin) is answered here with 204, with the
 * Access-Control-* headers when the origin is allowed and without them when it is not. The
 * request headers a preflight asks for are allowed as asked: the API reads no cookies (writes
 * carry a bearer token), so a header opens nothing, and clients send their own (Apollo Client's
 * apollographql-client-name, urql's, graphql-request's).
 */
export function corsFor(settings: Pick<ApiSettings, 'corsOrigins'>): RequestHandler {
  const configured = settings.corsOrigins;
  const handler = cors({
    origin: configured.length === 0 ? LOCAL_ORIGIN : configured.includes('*') ? '*' : configured,
    methods: ['GET', 'POST', 'OPTIONS'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
  // An OPTIONS without an Origin is no preflight: it goes on to the routes (405 at /graphql),
  // where the cors package would answer every OPTIONS with 204.
  return (req, res, next) => (req.method === 'OPTIONS' && !req.headers.origin ? next() : handler(req, res, next));
}

/** The request content types a browser sends cross-origin without a preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Headers that only a script can set, and only after a preflight: Apollo's recommended pair. */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * Apollo's CSRF prevention, for POST only: a POST whose content type a browser sends without a
 * preflight (a form, text/plain, or none) is refused (400, BAD_REQUEST, Apollo's message) unless
 * it carries one of PREFLIGHT_HEADERS. GET is left to Apollo, which runs queries only (a GET
 * mutation is 405): with no cookies a cross-site GET can read nothing its page could not fetch
 * itself and change nothing, so GET queries need no preflight header (see ./apolloServer).
 */
export function refuseSimplePosts(log: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    const simple = contentType === undefined || contentType === '' || SIMPLE_CONTENT_TYPES.includes(contentType);
    if (!simple || PREFLIGHT_HEADERS.some((header) => (req.headers[header]?.length ?? 0) > 0)) return next();
    const error = new BadRequestError(
      'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either ' +
        `specify a 'content-type' header (with a type that is not one of ${SIMPLE_CONTENT_TYPES.join(', ')}) ` +
        `or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}`,
    );
    sendClientError(res, error, req.log ?? log, 'Request failed');
  };
}

/**
 * The last handler: requests that fail before Apollo (a body too large or not JSON) or outside
 * it (a path parameter that is not valid percent-encoding) get a JSON error from toClientError, never express's HTML page with a stack trace.
 */
export function jsonErrorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    sendClientError(res, fromExpress(error) ?? error, req.log ?? log, 'Request failed');
  };
}
