import { isBearerToken, parseWriteTokens } from '../../src/auth';
import { loadApiSettings, loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { ServerMetrics } from '../../src/server/metrics';
import { TokenAttemptLimiter } from '../../src/server/tokenAttempts';

/** Issue 14, finding 4: token parsing, the metrics token, the listen address, failed-token limits. */
function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('MEDICON_WRITE_TOKENS errors name the entry by position, never by its content', () => {
  const secret = 'sk-live-0123456789abcdefSECRET';

  test('a token given without name= is not printed, not even in part', () => {
    const message = configError(() => parseWriteTokens(`alice=alice-token-0123456789,${secret}`));
    expect(message).toBe(
      'MEDICON_WRITE_TOKENS must be a comma-separated list of name=token pairs; entry 2 of 2 has no "name=" before its token.',
    );
    for (let i = 0; i + 4 <= secret.length; i++) expect(message).not.toContain(secret.slice(i, i + 4));
  });

  test('a bad holder name and a short token are named by position too', () => {
    expect(configError(() => parseWriteTokens(`bad name!=${secret}`))).toBe(
      'MEDICON_WRITE_TOKENS: the holder name of entry 1 of 1 is not valid (1 to 64 letters, digits, . _ @ -).',
    );
    const short = configError(() => parseWriteTokens(`alice=${secret},bob=short-secret`));
    expect(short).toBe('MEDICON_WRITE_TOKENS: the token of entry 2 of 2 must be at least 16 characters long.');
    expect(short).not.toContain('short-secret');
  });

  test('valid pairs give their holders', () => {
    const tokens = parseWriteTokens(` alice=${secret} , bob=bob-token-0123456789 `);
    expect(tokens.enabled).toBe(true);
    expect(tokens.holderOf(secret)).toBe('alice');
    expect(tokens.holderOf('bob-token-0123456789')).toBe('bob');
    expect(tokens.holderOf('nobody-0123456789')).toBeUndefined();
  });
});

test('isBearerToken: only "Bearer <the token>" matches, whatever the length of the guess', () => {
  const token = 'scrape-secret-123';
  expect(isBearerToken(`Bearer ${token}`, token)).toBe(true);
  expect(isBearerToken(`bearer  ${token} `, token)).toBe(true);
  for (const header of [
    undefined,
    '',
    'Bearer',
    `Basic ${token}`,
    `Bearer ${token}x`,
    'Bearer scrape',
    `Bearer ${'a'.repeat(10_000)}`,
  ])
    expect(isBearerToken(header, token)).toBe(false);
});

test('/metrics does not show the Node.js version, and still shows the process metrics', async () => {
  const { text } = await new ServerMetrics().render();
  expect(text).not.toMatch(/nodejs_version_info/);
  expect(text).not.toContain(process.version);
  expect(text).toMatch(/^medicon_process_resident_memory_bytes \d+$/m);
});

describe('HOST: the listen address', () => {
  test('127.0.0.1 unless set; any IP address or localhost may be set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  test('anything else is refused, naming the variable and the value', () => {
    expect(configError(() => loadConfig({ HOST: 'every interface' }))).toBe(
      'HOST must be the IP address to listen on (127.0.0.1, ::1, 0.0.0.0 for every interface) or localhost, not "every interface".',
    );
  });
});

describe('failed token attempts per client address', () => {
  test('settings: 20 failures per 900 s unless set; trust proxy off unless set', () => {
    const defaults = loadApiSettings({});
    expect(defaults.authFailures).toEqual({ max: 20, windowSeconds: 900 });
    expect(defaults.trustProxy).toBe(false);
    const set = loadApiSettings({
      MEDICON_AUTH_FAILURES_MAX: '5',
      MEDICON_AUTH_FAILURES_WINDOW_SECONDS: '60',
      MEDICON_TRUST_PROXY: 'loopback, 10.0.0.0/8',
    });
    expect(set.authFailures).toEqual({ max: 5, windowSeconds: 60 });
    expect(set.trustProxy).toBe('loopback,10.0.0.0/8');
    expect(loadApiSettings({ MEDICON_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(configError(() => loadApiSettings({ MEDICON_AUTH_FAILURES_MAX: '0' }))).toBe(
      'MEDICON_AUTH_FAILURES_MAX must be a whole number from 1 to 1000000, not "0".',
    );
    expect(configError(() => loadApiSettings({ MEDICON_TRUST_PROXY: 'everyone' }))).toMatch(
      /^MEDICON_TRUST_PROXY must be a number of proxy hops/,
    );
  });

  test('after max failures in a window the address waits until the window ends; others are not affected', () => {
    let now = 1_000_000;
    const limiter = new TokenAttemptLimiter(3, 60, () => now);
    for (let i = 0; i < 2; i++) limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    now += 10_000;
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(50);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
    now += 49_500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    now += 500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    // A new window starts from the next failure.
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  test('the addresses it tracks are bounded: the oldest window goes first', () => {
    const now = 0;
    const limiter = new TokenAttemptLimiter(1, 60, () => now, 3);
    for (const client of ['a', 'b', 'c', 'd']) limiter.recordFailure(client);
    expect(limiter.retryAfterSeconds('a')).toBe(0);
    for (const client of ['b', 'c', 'd']) expect(limiter.retryAfterSeconds(client)).toBe(60);
  });
});
