import { parseWriteTokens } from '../../src/auth';
import { cypher } from '../../src/db/cypher';
import { Database } from '../../src/db/Database';
import { loadApiSettings, loadConfig } from '../../src/config';
import { ErrorCode, QueryTimeoutError } from '../../src/errors';
import { postGraphQL, startSeededServer, startTestServer, stopSeededServer, type TestServer } from './harness';

/**
 * Issue 7's limits, timeouts, exposure settings, logs and metrics, over real HTTP against the
 * real Neo4j with the real seed.
 */
let db: Database;
let server: TestServer;
beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(async () => {
  await stopSeededServer(db, server);
});

/** `actors { nodes { relationships { nodes { relationships ... } } } }`, `levels` lists deep. */
function nestedRelationships(levels: number, first: number | string): string {
  let inner = 'name';
  for (let i = 0; i < levels; i += 1) inner = `relationships(first: ${first}) { nodes { ${inner} } }`;
  return `actors(first: ${first}) { nodes { ${inner} } }`;
}

function expectTooComplex(body: any, limit: string, max: number) {
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX, limit, max });
  expect(body.errors[0].message).toContain(`the limit is ${max}`);
}

describe('query limits', () => {
  const defaults = loadApiSettings({}).limits;

  test('a depth bomb is refused, naming the limit and the depth found', async () => {
    const { status, body } = await postGraphQL(server, `{ ${nestedRelationships(12, 1)} }`);
    expect(status).toBe(400);
    expectTooComplex(body, 'depth', defaults.maxDepth);
    expect(body.errors![0]!.extensions!.found).toBeGreaterThan(defaults.maxDepth);
  });

  test('cost knows `first`: three lists of 100 are refused, literal or through variables', async () => {
    const literal = await postGraphQL(server, `{ ${nestedRelationships(2, 100)} }`);
    expectTooComplex(literal.body, 'cost', defaults.maxCost);
    // 100 actors x (1 + 100 relationships x (1 + 100 relationships x 1 name)).
    expect(literal.body.errors![0]!.extensions!.found).toBe(1_010_100);
    const variables = await postGraphQL(server, `query ($n: Int!) { ${nestedRelationships(2, '$n')} }`, { n: 100 });
    expectTooComplex(variables.body, 'cost', defaults.maxCost);
    // Two lists of 100 (about 10,000 rows) are within the default limit and answered.
    const allowed = await postGraphQL(server, `{ ${nestedRelationships(1, 100)} }`);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.actors.nodes.length).toBeGreaterThan(50);
  });

  test('an alias bomb and a token bomb are refused', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(' ');
    expectTooComplex((await postGraphQL(server, `{ ${aliases} }`)).body, 'aliases', defaults.maxAliases);
    const tokens = `{ ${'__typename '.repeat(defaults.maxTokens + 10)} }`;
    expectTooComplex((await postGraphQL(server, tokens)).body, 'tokens', defaults.maxTokens);
  });

  test('`first` out of range stays a BAD_USER_INPUT that names the value, not a cost error', async () => {
    const { body } = await postGraphQL(server, '{ actors(first: 101) { totalCount } }');
    expect(body.errors![0]!.extensions!.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(body.errors![0]!.message).toContain('101');
  });

  test('limits are configurable per server', async () => {
    const strict = await startTestServer(db, { settings: { limits: { ...defaults, maxDepth: 3, maxCost: 50 } } });
    try {
      expectTooComplex((await postGraphQL(strict, `{ ${nestedRelationships(2, 1)} }`)).body, 'depth', 3);
      expectTooComplex((await postGraphQL(strict, '{ actors(first: 60) { nodes { name } } }')).body, 'cost', 50);
      expect((await postGraphQL(strict, '{ actors(first: 10) { nodes { name } } }')).body.errors).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  test('a body over the size limit gets 413 and a JSON error; broken JSON gets 400', async () => {
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const broken = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].message).toBe('The request body is not valid JSON.');
  });
});

describe('exposure follows the environment', () => {
  test('development: introspection on; production: introspection, suggestions and stack traces off', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect((await postGraphQL(server, introspection)).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });

    const production = await startTestServer(db, { settings: loadApiSettings({ NODE_ENV: 'production' }) });
    try {
      const refused = await postGraphQL(production, introspection);
      expect(refused.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await postGraphQL(production, '{ actors(first: 1) { nodes { nam } } }');
      expect(typo.body.errors![0]!.message).not.toContain('Did you mean');
      expect(typo.body.errors![0]!.extensions!.stacktrace).toBeUndefined();
      const bad = await postGraphQL(production, '{ actors(first: 0) { totalCount } }');
      expect(bad.body.errors![0]!.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, argumentName: 'first' });
    } finally {
      await production.close();
    }
  });

  test('CSRF prevention refuses a simple text/plain POST', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].message).toContain('Cross-Site Request Forgery');
  });

  test('CORS headers only for the configured origins', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight(server.url, 'https://example.org')).headers.get('access-control-allow-origin')).toBeNull();
    const open = await startTestServer(db, { settings: loadApiSettings({ CORS_ORIGINS: 'https://example.org' }) });
    try {
      const allowed = await preflight(open.url, 'https://example.org');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://example.org');
      const other = await preflight(open.url, 'https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });
});

describe('timeouts', () => {
  test('Neo4j stops a Cypher transaction past the configured time, reported as QueryTimeoutError', async () => {
    const config = loadConfig(process.env, 'test').external!;
    const impatient = await Database.connect(config, { transactionTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(impatient.read(cypher('test/slowQuery'))).rejects.toBeInstanceOf(QueryTimeoutError);
      expect(Date.now() - started).toBeLessThan(20_000);
      // The same Database answers the next query: a timeout is not an outage.
      expect(await impatient.read(cypher('test/countEntities'))).toEqual([{ entities: expect.any(Number) }]);
    } finally {
      await impatient.close();
    }
  });

  test('a request that is not answered in time gets 503 TIMEOUT', async () => {
    const hurried = await startTestServer(db, { settings: { requestTimeoutMs: 1 } });
    try {
      const response = await postGraphQL(
        hurried,
        '{ supporters(theme: "ATMP", stage: STARTUP, first: 100) { totalCount } }',
      );
      expect(response.status).toBe(503);
      expect(response.body.errors![0]!.extensions!.code).toBe(ErrorCode.TIMEOUT);
    } finally {
      await hurried.close();
    }
  });
});

describe('logs and metrics', () => {
  test('every response carries a request id; a sane incoming one is kept', async () => {
    const mine = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'lb-7f3a.42' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(mine.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const hostile = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('/metrics counts requests, errors by code and Cypher round trips in Prometheus format', async () => {
    await postGraphQL(server, '{ actors(first: 5) { nodes { name relationships(first: 3) { totalCount } } } }');
    await postGraphQL(server, '{ actors(first: 0) { totalCount } }');
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^medicon_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+$/m);
    expect(text).toMatch(/^medicon_graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]\d*$/m);
    const roundTrips = Number(/^medicon_cypher_queries_total (\d+)$/m.exec(text)?.[1]);
    expect(roundTrips).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^medicon_http_request_duration_seconds_bucket\{le="0.1",route="\/graphql"\} \d+$/m);
    expect(text).toMatch(/^medicon_process_resident_memory_bytes \d+$/m);
  });

  test('/metrics can require a token', async () => {
    const guarded = await startTestServer(db, { settings: { metricsToken: 'scrape-secret-123' } });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      for (const wrong of ['Bearer scrape-secret-12', 'Bearer scrape-secret-1234', 'scrape-secret-123'])
        expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: wrong } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret-123' } });
      expect(ok.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  test('/metrics does not show the Node.js version', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^medicon_process_resident_memory_bytes \d+$/m);
    expect(text).not.toMatch(/nodejs_version_info/);
    expect(text).not.toContain(process.version);
  });
});

describe('failed token attempts are limited per client address (MEDICON_AUTH_FAILURES_MAX)', () => {
  const TOKEN = 'curator-token-0123456789abcdef';
  const mutation =
    'mutation { deleteRelationship(input: { from: "a", type: SUPPORTS, to: "b", sources: [] }) { type } }';

  test('past the limit, requests with a token get 429 RATE_LIMITED with Retry-After, unchecked; reads without one pass', async () => {
    const limited = await startTestServer(db, {
      settings: {
        writeTokens: parseWriteTokens(`curator=${TOKEN}`),
        metricsToken: 'scrape-secret-123',
        authFailures: { max: 3, windowSeconds: 120 },
      },
    });
    try {
      for (let i = 0; i < 2; i++) {
        const wrong = await postGraphQL(limited, mutation, {}, { authorization: `Bearer wrong-guess-${i}-0123456789` });
        expect(wrong.status).toBe(200);
        expect(wrong.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      }
      // /metrics counts toward the same limit: the third failure.
      expect((await fetch(`${limited.url}/metrics`, { headers: { authorization: 'Bearer guess' } })).status).toBe(401);
      const refused = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query: mutation }),
      });
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(120);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: `Too many requests with an invalid token from this address; try again in ${wait} s.`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait },
          },
        ],
      });
      const metrics = await fetch(`${limited.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret-123' } });
      expect(metrics.status).toBe(429);
      expect(metrics.headers.get('retry-after')).toMatch(/^\d+$/);
      // Reads need no token, and are not limited.
      const read = await postGraphQL(limited, '{ actors(first: 1) { totalCount } }');
      expect(read.status).toBe(200);
      expect(read.body.data).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  test('with the default limit, a curator who mistypes a token a few times still writes', async () => {
    const lenient = await startTestServer(db, { settings: { writeTokens: parseWriteTokens(`curator=${TOKEN}`) } });
    try {
      for (let i = 0; i < 5; i++) {
        const wrong = await postGraphQL(lenient, mutation, {}, { authorization: `Bearer typo-${i}-0123456789abc` });
        expect(wrong.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      }
      const right = await postGraphQL(lenient, mutation, {}, { authorization: `Bearer ${TOKEN}` });
      // The token is accepted: the input is what is refused.
      expect(right.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    } finally {
      await lenient.close();
    }
  });
});
