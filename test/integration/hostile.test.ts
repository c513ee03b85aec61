import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
} from 'graphql';
import type { Database } from '../../src/db/Database';
import { graphFingerprint, type GraphFingerprint } from '../graphFingerprint';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { parseWriteTokens } from '../../src/auth';
import { SEED_DIR } from '../../src/bootstrap';
import { hostileCorpus, STRING_SLOTS, type HostileCategory, type HostileRequest } from './hostileCorpus';
import { postGraphQL, startSeededServer, stopSeededServer, type TestServer } from './harness';

/**
 * Hostile and malformed requests (test/integration/hostileCorpus.ts, over 500 of them) sent over
 * real HTTP to the real server and the real Neo4j. Each must be answered — no crash, no reset
 * connection, no 5xx — with a client error: 200 with GraphQL errors whose codes are client codes,
 * or 400/404/405/413/415. Afterwards the server still answers, and the graph is unchanged.
 */

/** The statuses a hostile request may get (a request may allow more: see HostileRequest.extraStatuses). */
// 429: past MEDICON_AUTH_FAILURES_MAX invalid tokens, requests with a token are refused (RATE_LIMITED).
const ALLOWED_STATUSES = new Set([200, 400, 404, 405, 413, 415, 429]);

/** The error codes that describe a client's mistake or a refusal; anything else is a server fault. */
const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** A mutation must be refused for want of a token, whatever else is wrong with it. */
const MUTATION_CODES = new Set([
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
]);

/** Requests in flight at once; HOSTILE_CONCURRENCY=1 gives each request's own time in the HOSTILE_DUMP file. */
const CONCURRENCY = Number(process.env.HOSTILE_CONCURRENCY) || 8;
const REQUEST_TIMEOUT_MS = 20_000;

/** Signs that a response leaks internals: a stack trace, a driver error, a source path. */
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\bat [\w$.<>[\] ]+ \(?[^()\s]+:\d+:\d+\)?|&nbsp;at /],
  ['a Neo4j error', /Neo\.(Client|Transient|Database)Error|Neo4jError/],
  ['a source path', /\/node_modules\/|\/(src|dist)\/[\w/]+\.(ts|js)\b/],
  ['an internal error', /INTERNAL_SERVER_ERROR|Internal server error/i],
];

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Sends one request with node:http, exactly as the corpus says (no header or body added but Content-Length). */
function send(baseUrl: string, request: HostileRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { ...request.headers };
  const body =
    request.body === undefined
      ? undefined
      : Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(request.body, 'utf8');
  if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length'))
    headers['content-length'] = String(body.length);
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

function snippet(body: Buffer): string {
  const text = body.toString('utf8').replace(/\s+/g, ' ');
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** What is wrong with an answer, or nothing: one line per problem, each naming the request. */
function problemsOf(request: HostileRequest, answer: Answer): string[] {
  const problems: string[] = [];
  const allowed = new Set([...ALLOWED_STATUSES, ...(request.extraStatuses ?? [])]);
  if (!allowed.has(answer.status)) problems.push(`status ${answer.status}: ${snippet(answer.body)}`);
  const text = answer.body.toString('utf8');
  // A successful export is a file of the graph's own text: only its errors are examined.
  // The metrics name the error codes they count (INTERNAL_SERVER_ERROR among them): not a leak.
  const isExportFile =
    (request.path.startsWith('/export/') || request.path.startsWith('/metrics')) && answer.status === 200;
  if (!isExportFile) {
    for (const [what, pattern] of LEAKS)
      if (pattern.test(text)) problems.push(`leaks ${what} (status ${answer.status}): ${snippet(answer.body)}`);
  }
  if (/json/.test(answer.contentType) && !isExportFile && request.method !== 'HEAD') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push(`status ${answer.status} says JSON but the body is not: ${snippet(answer.body)}`);
    }
    const body = parsed as { errors?: unknown; error?: { code?: unknown } } | undefined;
    if (body && Array.isArray(body.errors)) {
      for (const error of body.errors as { message?: string; extensions?: { code?: unknown } }[]) {
        const code = error?.extensions?.code;
        const codes = request.category === 'mutation' ? MUTATION_CODES : ALLOWED_CODES;
        if (typeof code !== 'string' || !codes.has(code)) {
          problems.push(
            `status ${answer.status}, error code ${JSON.stringify(code)}: ${JSON.stringify(error).slice(0, 300)}`,
          );
        }
      }
    } else if (body?.error !== undefined) {
      // The /export endpoints answer { error: { code, message } }.
      const code = body.error?.code;
      if (typeof code !== 'string' || !ALLOWED_CODES.has(code))
        problems.push(`status ${answer.status}, export error code ${JSON.stringify(code)}`);
    }
    if (request.refuse && !(body && Array.isArray(body.errors) && body.errors.length > 0)) {
      problems.push(`was executed, not refused (status ${answer.status}): ${snippet(answer.body)}`);
    }
    if (
      request.category === 'mutation' &&
      answer.status === 200 &&
      !(body && Array.isArray(body.errors) && body.errors.length > 0)
    ) {
      problems.push(`a mutation without a valid token was not refused: ${snippet(answer.body)}`);
    }
  }
  return problems;
}

/**
 * Runs the corpus `concurrency` requests at a time; returns every problem, prefixed with the
 * request's name. With HOSTILE_DUMP=<file>, every answer (name, status, time, start of the body)
 * is written there as JSON lines, to look into a failure.
 */
async function runCorpus(baseUrl: string, corpus: HostileRequest[], concurrency: number): Promise<string[]> {
  const failures: string[] = [];
  const dump: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < corpus.length) {
      const request = corpus[next++]!;
      const started = performance.now();
      try {
        const answer = await send(baseUrl, request);
        const ms = Math.round(performance.now() - started);
        for (const problem of problemsOf(request, answer)) failures.push(`${request.name} → ${problem} [${ms} ms]`);
        dump.push(
          JSON.stringify({
            name: request.name,
            status: answer.status,
            ms,
            body: answer.body.toString('utf8').slice(0, 2000),
          }),
        );
      } catch (error) {
        failures.push(`${request.name} → no answer: ${(error as Error).message}`);
        dump.push(
          JSON.stringify({
            name: request.name,
            error: (error as Error).message,
            ms: Math.round(performance.now() - started),
          }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (process.env.HOSTILE_DUMP) fs.writeFileSync(process.env.HOSTILE_DUMP, `${dump.join('\n')}\n`);
  return failures;
}

/** Every String or ID argument of every root query field, as "field.argument.inputField". */
function stringArgumentsOfRootFields(): string[] {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const paths: string[] = [];
  const walk = (prefix: string, arg: GraphQLArgument | GraphQLInputField, depth: number) => {
    const named = getNamedType(arg.type);
    if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) paths.push(`${prefix}.${arg.name}`);
    if (isInputObjectType(named) && depth < 3)
      for (const field of Object.values(named.getFields())) walk(`${prefix}.${arg.name}`, field, depth + 1);
  };
  for (const field of Object.values(schema.getQueryType()!.getFields()))
    for (const arg of field.args) walk(field.name, arg, 0);
  return paths.sort();
}

let db: Database;
let server: TestServer;
let before: GraphFingerprint;
const corpus = hostileCorpus();

beforeAll(async () => {
  // The seeded graph, as startSeededServer prepares it, served with production settings: what an
  // attacker meets (no stack traces, masked errors), with introspection on so that the
  // introspection bombs reach the executor.
  // Writes are on (a curator's token is configured, and never sent): mutations must be refused
  // for want of the token, not merely because writes are off.
  ({ db, server } = await startSeededServer({
    settings: {
      production: true,
      introspection: true,
      writeTokens: parseWriteTokens(`hostile-test-curator=${crypto.randomBytes(24).toString('hex')}`),
      // Every request in flight may wait for a slot of the limit on expensive operations, so each
      // is answered for what it asks (the limit's own 503 is tested in fairShare.test.ts).
      expensiveQueue: CONCURRENCY,
    },
  }));
  before = await graphFingerprint(db);
}, 120_000);
afterAll(() => stopSeededServer(db, server));

test('the corpus has over 500 requests in every category, with hostile values in every string argument of every root field', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(500);
  const perCategory = new Map<HostileCategory, number>();
  for (const request of corpus) perCategory.set(request.category, (perCategory.get(request.category) ?? 0) + 1);
  const categories: HostileCategory[] = [
    'syntax',
    'depth-bomb',
    'alias-bomb',
    'cost-bomb',
    'huge-value',
    'wrong-variable-type',
    'injection',
    'invalid-id-or-cursor',
    'first-out-of-range',
    'oversized-body',
    'content-type',
    'http-shape',
    'operation-name',
    'introspection-bomb',
    'export',
    'mutation',
  ];
  for (const category of categories)
    expect({ category, present: (perCategory.get(category) ?? 0) > 0 }).toEqual({ category, present: true });
  // A new root field or argument fails this until the corpus injects into it too.
  const covered = new Set(STRING_SLOTS.map((s) => s.slot));
  expect(stringArgumentsOfRootFields().filter((path) => !covered.has(path))).toEqual([]);
});

test('every hostile request is answered with a client error (200 with client error codes, or 400/404/405/413/415), never a 5xx, a reset or a leak', async () => {
  const failures = await runCorpus(server.url, corpus, CONCURRENCY);
  expect(failures).toEqual([]);
}, 300_000);

test('after the corpus the server still answers a normal query correctly', async () => {
  const seed = loadSeedFiles(SEED_DIR);
  const actors = seed.entities.filter((e) => e.label === 'Actor').length;
  const { status, body } = await postGraphQL(
    server,
    '{ actors(first: 3) { totalCount nodes { slug } } entity(ref: "lund-university") { slug nameEn } search(query: "Skane", first: 1) { nodes { slug } } }',
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data.actors.totalCount).toBe(actors);
  expect(body.data.actors.nodes).toHaveLength(3);
  expect(body.data.entity).toEqual({ slug: 'lund-university', nameEn: 'Lund University' });
  expect(body.data.search.nodes[0].slug).toMatch(/skane/);
  expect((await fetch(`${server.url}/ready`)).status).toBe(200);
});

test('after the corpus the graph is unchanged: the same nodes, relationships and checksum', async () => {
  expect(await graphFingerprint(db)).toEqual(before);
});
