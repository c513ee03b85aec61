import type { Context } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/**
 * The curator behind a write (or an audit-trail read): the holder of the request's bearer token.
 * Called first by every mutation, before its input is validated or the database is touched:
 * FORBIDDEN when the operator configured no write token (writes are off), UNAUTHENTICATED when the
 * request has no valid token.
 */
export function requireWriter(ctx: Context, what = 'Writes'): string {
  if (!ctx.writesEnabled) {
    throw new ForbiddenError(
      `Writes are off: the operator has configured no write token (MEDICON_WRITE_TOKENS), so ${what.toLowerCase()} are refused.`,
    );
  }
  const writer = ctx.caller.writer;
  if (!writer) {
    throw new UnauthenticatedError(
      ctx.caller.rejectedCredentials
        ? `${what} need a valid curator's token, and the "Authorization" header does not carry one.`
        : `${what} need a curator's token: send "Authorization: Bearer <token>".`,
    );
  }
  return writer;
}
