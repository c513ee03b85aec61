import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { callerFrom, type Caller, type WriteTokens } from '../auth';
import type { ApiSettings } from '../config';
import { RateLimitedError } from '../errors';
import { sendClientError } from './clientErrors';
import type { Logger } from './logging';

/**
 * Failed token attempts per client address, in fixed windows: the first failure opens a window of
 * `windowSeconds`; a client that reaches `max` failures within it is refused until it ends. Kept
 * in memory, per server instance (a restart forgets them), and bounded: windows that have ended
 * are dropped as new failures arrive, and at most `maxClients` addresses are tracked (past that,
 * the oldest window is dropped first).
 */
export class TokenAttemptLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 10_000,
  ) {}

  /** Seconds until `client` may try a token again; 0 when it may now. */
  retryAfterSeconds(client: string): number {
    const entry = this.failures.get(client);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.failures.delete(client);
      return 0;
    }
    return entry.count >= this.max ? Math.ceil(left / 1000) : 0;
  }

  /** Records one invalid token from `client`. */
  recordFailure(client: string): void {
    const now = this.now();
    const entry = this.failures.get(client);
    if (entry && entry.resetAt > now) {
      entry.count += 1;
      return;
    }
    this.failures.delete(client);
    for (const [key, old] of this.failures) if (old.resetAt <= now) this.failures.delete(key);
    // A Map iterates in insertion order: the first key is the oldest window.
    while (this.failures.size >= this.maxClients) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(client, { count: 1, resetAt: now + this.windowSeconds * 1000 });
  }
}

/** Where the caller of a request is kept for the Apollo context (res.locals). */
export function callerOf(res: Response): Caller | undefined {
  return res.locals.caller as Caller | undefined;
}

/**
 * Middleware in front of /graphql: reads the request's bearer token once (the caller goes into
 * res.locals for the context) and limits failed attempts per client address (`req.ip`, which
 * follows MEDICON_TRUST_PROXY). A request with an Authorization header from an address over its
 * limit is answered 429 RATE_LIMITED with Retry-After, without its token being checked; requests
 * without the header pass (reads need no token).
 */
export function tokenAttempts(
  tokens: WriteTokens,
  settings: Pick<ApiSettings, 'authFailures'>,
  log: Logger,
  limiter = new TokenAttemptLimiter(settings.authFailures.max, settings.authFailures.windowSeconds),
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const authorization = req.headers.authorization;
    if (!authorization) return next();
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = limiter.retryAfterSeconds(client);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      sendClientError(res, new RateLimitedError(wait), req.log ?? log, 'Request refused');
      return;
    }
    const caller = callerFrom(authorization, tokens);
    if (caller.rejectedCredentials) limiter.recordFailure(client);
    res.locals.caller = caller;
    next();
  };
}
