import type { IncomingMessage, ServerResponse } from 'node:http';
import crypto from 'node:crypto';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

/**
 * The API's structured logger: JSON lines on stdout (pipe them through `pino-pretty` to read
 * them by eye). Secrets in headers are redacted.
 */
export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    base: { service: 'medicon-graph' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}

/** A logger that writes nothing (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** A caller's request id is kept when it looks like one; otherwise we make one. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * One log line per request with its id, method, URL, status and time; the id comes from an
 * incoming `X-Request-Id` (a load balancer's) or is generated, and is sent back in the response,
 * so a client's report can be found in the logs. `req.log` is the request's child logger.
 * With `successEvery` above 1, only one answer below 400 in that many is logged (a busy server's
 * log line per request costs as much CPU as a small query); 4xx and 5xx always are.
 */
export function httpLogger(logger: Logger, successEvery = 1) {
  let successes = 0;
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      successes = (successes + 1) % successEvery;
      return successes === 0 ? 'info' : 'silent';
    },
    // Probes and scrapes run every few seconds: logging them would drown the rest.
    autoLogging: { ignore: (req) => ['/health', '/ready', '/metrics'].includes((req.url ?? '').split('?')[0] ?? '') },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.slice(0, 500),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
