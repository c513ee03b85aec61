import { loadApiSettings } from '../../src/config';
import { type Database } from '../../src/db/Database';
import { ErrorCode } from '../../src/errors';
import { postGraphQL, startSeededServer, startTestServer, stopSeededServer, type TestServer } from './harness';

/**
 * Issue 13's errors as a client meets them (defects 3 and 4, and from 8 the echoed values and the
 * suggestions): a client's mistake is never an internal error, one failing root field leaves its
 * siblings, messages echo at most 80 characters of the input, production suggests nothing.
 */
let db: Database;
let server: TestServer;
beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(async () => {
  await stopSeededServer(db, server);
});

test('null for a non-null argument through a variable with a default is BAD_USER_INPUT, not internal', async () => {
  // graphql-js's own coercion error: `query` is a String!, and the variable's default does not
  // apply to an explicit null.
  const { status, body } = await postGraphQL(
    server,
    'query($q: String = "Skane") { search(query: $q, first: 1) { totalCount } }',
    { q: null },
  );
  expect(status).toBe(200);
  expect(body.data).toEqual({ search: null });
  expect(body.errors).toEqual([
    {
      message: 'Argument "query" of non-null type "String!" must not be null.',
      locations: [{ line: 1, column: 45 }],
      path: ['search'],
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    },
  ]);
  // The issue's own example: since backward paging `first` may be null, and the page size check
  // answers it, naming the argument.
  const paged = await postGraphQL(server, 'query($n: Int = 5) { actors(first: $n) { totalCount } }', { n: null });
  expect(paged.body.data).toEqual({ actors: null });
  expect(paged.body.errors).toEqual([
    expect.objectContaining({
      message: '"first" or "last" is required, from 1 to 100.',
      path: ['actors'],
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'first' },
    }),
  ]);
});

test("one failing root field leaves its siblings' data, with the error on its path", async () => {
  const { body } = await postGraphQL(
    server,
    '{ ok: search(query: "Skane", first: 1) { totalCount } bad: search(query: "~", first: 1) { totalCount } }',
  );
  expect(body.data!.ok).toEqual({ totalCount: expect.any(Number) });
  expect((body.data!.ok as { totalCount: number }).totalCount).toBeGreaterThan(0);
  expect(body.data!.bad).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.path).toEqual(['bad']);
  expect(body.errors![0]!.extensions!.code).toBe(ErrorCode.BAD_USER_INPUT);
});

describe('echoed values are cut to 80 characters', () => {
  const long = 'x'.repeat(95_000);

  test('NOT_FOUND for an unknown slug', async () => {
    const { body } = await postGraphQL(server, 'query($ref: ID!) { entity(ref: $ref) { name } }', { ref: long });
    expect(body.errors![0]!.extensions!.code).toBe(ErrorCode.NOT_FOUND);
    expect(body.errors![0]!.message).toBe(`No entity has the id "${'x'.repeat(77)}...".`);
  });

  test("graphql-js's own messages: an unknown enum value and an unknown field", async () => {
    const name = 'A'.repeat(5_000);
    const enumValue = await postGraphQL(server, `{ actors(first: 1, filter: { kinds: [${name}] }) { totalCount } }`);
    expect(enumValue.body.errors![0]!.extensions!.code).toBe(ErrorCode.GRAPHQL_VALIDATION_FAILED);
    expect(enumValue.body.errors![0]!.message).toContain(`"${'A'.repeat(77)}..."`);
    expect(enumValue.body.errors![0]!.message).not.toContain('A'.repeat(78));
    const field = await postGraphQL(server, `{ ${name.toLowerCase()} }`);
    expect(field.body.errors![0]!.message).toBe(`Cannot query field "${'a'.repeat(77)}..." on type "Query".`);
    const variable = await postGraphQL(
      server,
      'query($k: [ActorKind!]) { actors(first: 1, filter: { kinds: $k }) { totalCount } }',
      {
        k: [name],
      },
    );
    expect(variable.body.errors![0]!.extensions!.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(variable.body.errors![0]!.message).toContain(`"${'A'.repeat(77)}..."`);
    expect(variable.body.errors![0]!.message).not.toContain('A'.repeat(78));
  });
});

test('production suggests no field, argument or enum value; development does', async () => {
  const typos = [
    '{ actors(first: 1) { nodes { nam } } }',
    '{ actors(frist: 1) { totalCount } }',
    '{ actors(first: 1, filter: { kinds: [PUBLIC_BOD] }) { totalCount } }',
  ];
  const viaVariable = [
    'query($k: [ActorKind!]) { actors(first: 1, filter: { kinds: $k }) { totalCount } }',
    { k: ['PUBLIC_BOD'] },
  ] as const;
  for (const typo of typos) {
    expect((await postGraphQL(server, typo)).body.errors![0]!.message).toContain('Did you mean');
  }
  expect((await postGraphQL(server, ...viaVariable)).body.errors![0]!.message).toContain('Did you mean the enum value');
  const production = await startTestServer(db, { settings: loadApiSettings({ NODE_ENV: 'production' }) });
  try {
    for (const typo of typos) {
      const { body } = await postGraphQL(production, typo);
      expect(body.errors![0]!.extensions!.code).toBe(ErrorCode.GRAPHQL_VALIDATION_FAILED);
      expect(body.errors![0]!.message).not.toContain('Did you mean');
    }
    const { body } = await postGraphQL(production, ...viaVariable);
    expect(body.errors![0]!.extensions!.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(body.errors![0]!.message).toBe(
      'Variable "$k" got invalid value "PUBLIC_BOD" at "k[0]"; Value "PUBLIC_BOD" does not exist in "ActorKind" enum.',
    );
  } finally {
    await production.close();
  }
});
