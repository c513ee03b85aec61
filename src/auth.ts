import crypto from 'node:crypto';
import { ConfigError } from './errors';

/**
 * Bearer tokens for curated writes, configured by the operator:
 * `MEDICON_WRITE_TOKENS="alice=<token>,bob=<token>"` names who holds each token, so that the audit
 * trail records a person, never the secret. No tokens configured means writes are off.
 * Tokens are compared as SHA-256 digests with `timingSafeEqual`, so the comparison takes the same
 * time whatever the guess.
 */
export interface WriteTokens {
  /** Whether any token is configured (when not, every mutation is refused). */
  readonly enabled: boolean;
  /** The name of the token's holder, or undefined when the token is not one of them. */
  holderOf(token: string): string | undefined;
}

const MIN_TOKEN_LENGTH = 16;
const HOLDER = /^[\w.@-]{1,64}$/;

function digest(text: string): Buffer {
  return crypto.createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Reads MEDICON_WRITE_TOKENS. A bad entry is named by its position ("entry 2"), never by its
 * content: an entry without `name=` may be a bare token, and the error goes to the console and
 * the logs.
 */
export function parseWriteTokens(raw: string | undefined): WriteTokens {
  const holders: { name: string; digest: Buffer }[] = [];
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1} of ${entries.length}`;
    const eq = entry.indexOf('=');
    const name = eq > 0 ? entry.slice(0, eq).trim() : '';
    const token = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (eq <= 0) {
      throw new ConfigError(
        `MEDICON_WRITE_TOKENS must be a comma-separated list of name=token pairs; ${position} has no "name=" before its token.`,
      );
    }
    if (!HOLDER.test(name)) {
      throw new ConfigError(
        `MEDICON_WRITE_TOKENS: the holder name of ${position} is not valid (1 to 64 letters, digits, . _ @ -).`,
      );
    }
    if (token.length < MIN_TOKEN_LENGTH) {
      throw new ConfigError(
        `MEDICON_WRITE_TOKENS: the token of ${position} must be at least ${MIN_TOKEN_LENGTH} characters long.`,
      );
    }
    holders.push({ name, digest: digest(token) });
  });
  return {
    enabled: holders.length > 0,
    holderOf(token: string) {
      const candidate = digest(token);
      let found: string | undefined;
      // Compare with every holder (no early exit), so timing says nothing about which matched.
      for (const holder of holders) if (crypto.timingSafeEqual(candidate, holder.digest)) found ??= holder.name;
      return found;
    },
  };
}

/**
 * Whether an Authorization header is `Bearer <token>` for exactly this token, compared as SHA-256
 * digests with `timingSafeEqual` (equal lengths whatever was sent), so that the time taken says
 * nothing about how much of a guess was right. For a single secret such as MEDICON_METRICS_TOKEN.
 */
export function isBearerToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  // Digest something even without a token, so that a missing header takes the same time.
  return crypto.timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

/** Who is calling: the holder of a valid bearer token, or nobody. */
export interface Caller {
  /** The token holder's name when the request carried a valid `Authorization: Bearer` token. */
  writer: string | undefined;
  /** Set when the request carried an Authorization header that is not a valid token. */
  rejectedCredentials: boolean;
}

export function callerFrom(authorization: string | undefined, tokens: WriteTokens): Caller {
  if (!authorization) return { writer: undefined, rejectedCredentials: false };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const writer = match ? tokens.holderOf(match[1]!) : undefined;
  return { writer, rejectedCredentials: writer === undefined };
}
