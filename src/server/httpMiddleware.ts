import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiSettings } from '../config';
import { PayloadTooLargeError, TimeoutError } from '../errors';
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

/**
 * Answers TIMEOUT (503) when a request is not answered within `ms`. The Cypher transaction
 * timeout (shorter by default) normally stops the work first; this bounds everything else.
 */
export function requestTimeout(ms: number, log: Logger): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) res.set('Retry-After', '5');
      const error = new TimeoutError(`The request took longer than its ${ms} ms limit and was stopped.`);
      sendClientError(res, error, req.log ?? log, 'Request failed');
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

/** CORS for the configured origins only (none: no CORS headers at all). */
export function corsFor(settings: Pick<ApiSettings, 'corsOrigins'>): RequestHandler | undefined {
  if (settings.corsOrigins.length === 0) return undefined;
  return cors({
    origin: settings.corsOrigins.includes('*') ? '*' : settings.corsOrigins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Apollo-Require-Preflight', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
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
