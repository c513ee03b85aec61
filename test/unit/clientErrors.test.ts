import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { buildSchema, execute, parse, validate, type GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { classifyDriverError, connectionConfigError } from '../../src/db/driverErrors';
import {
  BadRequestError,
  BadUserInputError,
  ConfigError,
  ConstraintViolationError,
  DatabaseRefusedValueError,
  DatabaseUnavailableError,
  ErrorCode,
  ForbiddenError,
  HTTP_STATUS,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  QueryTimeoutError,
  QueryTooComplexError,
  ServiceUnavailableError,
  TimeoutError,
  UnauthenticatedError,
} from '../../src/errors';
import { badUserInput, notFound } from '../../src/graphql/errors';
import { badInputField } from '../../src/mutations/input';
import { fromExpress, toClientError } from '../../src/server/clientErrors';
import { formatError } from '../../src/server/formatError';
import { costLimitPlugin, knownOperationTypesRule } from '../../src/server/limits';

/**
 * The error model (src/errors.ts) and toClientError (src/server/clientErrors.ts), in the way
 * apollo-server tests its error normaliser: each kind of error in, the exact body and status out.
 */

/** An error as the driver raises it: its `code` is what classifyDriverError reads. */
function newError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception');
}

const CONSTRAINT_MESSAGE = "Node(42) already exists with label `Actor` and property `id` = 'max-iv'";

describe('each class of the hierarchy has its code and status, and answers with exactly its message', () => {
  const cases: [string, Error, number, Record<string, unknown>][] = [
    [
      'bad user input, naming the argument',
      new BadUserInputError('"first" must be between 1 and 100, not 101.', { argumentName: 'first' }),
      400,
      { code: 'BAD_USER_INPUT', argumentName: 'first' },
    ],
    [
      'bad user input without an argument',
      new BadUserInputError('No theme is called "x".'),
      400,
      { code: 'BAD_USER_INPUT' },
    ],
    ['not found', new NotFoundError('No entity has the id "x".'), 404, { code: 'NOT_FOUND' }],
    ['unauthenticated', new UnauthenticatedError('Writes need a token.'), 401, { code: 'UNAUTHENTICATED' }],
    ['forbidden', new ForbiddenError('Writes are off.'), 403, { code: 'FORBIDDEN' }],
    [
      'query too complex (no `http` in the extensions)',
      new QueryTooComplexError('depth', 10, 12, 'depth (fields nested in fields)'),
      400,
      { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 10, found: 12 },
    ],
    ['a body over its limit', new PayloadTooLargeError(100), 413, { code: 'BAD_REQUEST' }],
    ['a body that cannot be read', new BadRequestError('The request could not be read.'), 400, { code: 'BAD_REQUEST' }],
    [
      'timeout',
      new TimeoutError('The request took longer than its 50 ms limit and was stopped.'),
      503,
      { code: 'TIMEOUT' },
    ],
    ['service unavailable', new ServiceUnavailableError('Try again shortly.'), 503, { code: 'SERVICE_UNAVAILABLE' }],
  ];
  test.each(cases)('%s', (_what, error, status, extensions) => {
    expect(toClientError(error)).toEqual({
      status,
      body: { message: error.message, extensions },
      original: error,
      internal: false,
    });
  });

  test('the short forms of src/graphql/errors.ts and src/mutations/input.ts build the same classes', () => {
    expect(badUserInput('Bad.', 'first')).toBeInstanceOf(BadUserInputError);
    expect(notFound('Gone.')).toBeInstanceOf(NotFoundError);
    expect(toClientError(badInputField('sources[0].quote', '"input.sources[0].quote" does not stand.')).body).toEqual({
      message: '"input.sources[0].quote" does not stand.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'input', field: 'input.sources[0].quote' },
    });
  });

  test('a token-limit message says "more than" when the query was not counted to the end', () => {
    expect(new QueryTooComplexError('cost', 5000, undefined, 'estimated cost').message).toBe(
      "The query's estimated cost is more than 5000; the limit is 5000.",
    );
  });

  test("every code has a status, and Apollo's codes are spelt as Apollo spells them", () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual(Object.values(ErrorCode).sort());
    for (const code of Object.values(ApolloServerErrorCode)) expect(ErrorCode[code]).toBe(code);
  });
});

describe("the database errors answer with a safe message; the driver's stays in the logs", () => {
  test('an unavailable database is SERVICE_UNAVAILABLE (503), its detail for the logs only', () => {
    const error = new DatabaseUnavailableError('Neo4j at bolt://db:7687 is not answering: connection refused');
    expect(error.detail).toBe('Neo4j at bolt://db:7687 is not answering: connection refused');
    expect(toClientError(error)).toMatchObject({
      status: 503,
      body: {
        message: 'The database is not available right now; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
      internal: false,
    });
  });

  test('a query past its limit is TIMEOUT (503), naming the limit when the server set one', () => {
    expect(toClientError(new QueryTimeoutError(50)).body).toEqual({
      message: 'The database query took longer than its 50 ms limit and was stopped.',
      extensions: { code: 'TIMEOUT' },
    });
    expect(new QueryTimeoutError(undefined).message).toBe(
      'The database query took longer than its time limit and was stopped.',
    );
  });
});

describe('driver errors are classified once (classifyDriverError), whoever meets them', () => {
  const where = { uri: 'bolt://db:7687', timeoutMs: 2000 };

  test('ServiceUnavailable and SessionExpired: DatabaseUnavailableError, with the cause kept', () => {
    const driverError = newError('Could not perform discovery.', 'ServiceUnavailable');
    const classified = classifyDriverError(driverError, where);
    expect(classified).toBeInstanceOf(DatabaseUnavailableError);
    expect(classified!.detail).toBe('Neo4j at bolt://db:7687 is not answering: Could not perform discovery.');
    expect(classified!.cause).toBe(driverError);
    expect(classifyDriverError(newError('Gone.', 'SessionExpired'), where)).toBeInstanceOf(DatabaseUnavailableError);
  });

  test('a transaction timeout: QueryTimeoutError with the configured limit', () => {
    const classified = classifyDriverError(
      newError(
        'The transaction has been terminated.',
        'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      ),
      where,
    );
    expect(classified).toBeInstanceOf(QueryTimeoutError);
    expect((classified as QueryTimeoutError).timeoutMs).toBe(2000);
  });

  test('a constraint violation: BAD_USER_INPUT (400) without the Cypher details, which stay in `detail`', () => {
    const driverError = newError(CONSTRAINT_MESSAGE, 'Neo.ClientError.Schema.ConstraintValidationFailed');
    const classified = classifyDriverError(driverError, where);
    expect(classified).toBeInstanceOf(ConstraintViolationError);
    expect(classified!.detail).toBe(`Neo.ClientError.Schema.ConstraintValidationFailed: ${CONSTRAINT_MESSAGE}`);
    expect(toClientError(driverError)).toEqual({
      status: 400,
      body: { message: 'The write conflicts with data already in the graph.', extensions: { code: 'BAD_USER_INPUT' } },
      original: driverError,
      internal: false,
    });
  });

  test('a value too large to index (as Neo4j 5.26 reports it): BAD_USER_INPUT (400), the index named in `detail` only', () => {
    const message =
      "Property value is too large to index, please see index documentation for limitations. Index: Index( id=3, name='entity_id_unique', type='RANGE' ), property size: 9011.";
    const driverError = newError(message, 'Neo.DatabaseError.Statement.ExecutionFailed');
    const classified = classifyDriverError(driverError, where);
    expect(classified).toBeInstanceOf(DatabaseRefusedValueError);
    expect(classified!.detail).toBe(`Neo.DatabaseError.Statement.ExecutionFailed: ${message}`);
    expect(toClientError(driverError)).toEqual({
      status: 400,
      body: {
        message: 'The database refused a value of this request as too large to index; shorten the longest values.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
      original: driverError,
      internal: false,
    });
  });

  test("client errors that are the server's fault (a syntax error, a missing parameter, a type error) stay masked", () => {
    // A map as a property value (Neo4j: TypeError, GQLSTATUS 22G03) is the server's own mistake:
    // every client value is validated and passed as a scalar parameter.
    for (const code of [
      'Neo.ClientError.Statement.SyntaxError',
      'Neo.ClientError.Statement.ParameterMissing',
      'Neo.ClientError.Statement.TypeError',
    ]) {
      const driverError = newError('Property values can only be of primitive types or arrays thereof.', code);
      expect(classifyDriverError(driverError, where)).toBeUndefined();
      expect(toClientError(driverError)).toMatchObject({
        status: 500,
        body: { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        internal: true,
      });
    }
  });

  test('a raw ServiceUnavailable that reaches toClientError is SERVICE_UNAVAILABLE too', () => {
    const driverError = newError('Connection refused.', 'ServiceUnavailable');
    expect(toClientError(driverError)).toEqual({
      status: 503,
      body: {
        message: 'The database is not available right now; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
      original: driverError,
      internal: false,
    });
  });

  test('any other driver error is none of ours: masked as INTERNAL_SERVER_ERROR, without its Cypher', () => {
    const driverError = newError("Invalid input 'MATCH (n) RETRN n'", 'Neo.ClientError.Statement.SyntaxError');
    expect(classifyDriverError(driverError, where)).toBeUndefined();
    expect(classifyDriverError(new Error('no code'), where)).toBeUndefined();
    const client = toClientError(driverError);
    expect(client).toEqual({
      status: 500,
      body: { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      original: driverError,
      internal: true,
    });
  });
});

describe('a failed start-up check is a ConfigError naming the setting to check', () => {
  const config = { uri: 'bolt://db:7687', user: 'neo4j', database: 'graph' };
  test.each([
    [
      'Neo.ClientError.Security.Unauthorized',
      'Neo4j at bolt://db:7687 rejected user "neo4j" and its password (Neo.ClientError.Security.Unauthorized); check NEO4J_USER and NEO4J_PASSWORD.',
    ],
    [
      'Neo.ClientError.Database.DatabaseNotFound',
      'Neo4j at bolt://db:7687 has no database "graph"; check NEO4J_DATABASE.',
    ],
    [
      'ServiceUnavailable',
      'Neo4j at bolt://db:7687 could not be reached (ServiceUnavailable: Connection refused.); check NEO4J_URI and that the server is running.',
    ],
  ])('%s', (code, message) => {
    const error = connectionConfigError(newError('Connection refused.\nmore lines', code), config);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(message);
  });
});

describe('unknown errors are masked; their stack trace is shown only when asked for', () => {
  test.each([
    ['an Error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'MATCH (n) RETURN n'],
    ['our own InternalServerError', new InternalServerError({ cause: new Error('bug') })],
  ])('%s without stack traces', (_what, error) => {
    expect(toClientError(error, { stacktraces: false })).toEqual({
      status: 500,
      body: { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      original: error,
      internal: true,
    });
  });

  test('with stack traces (development), the stack is the extension `stacktrace`, line by line', () => {
    const error = new Error('secret detail');
    const { body } = toClientError(error, { stacktraces: true });
    expect(body).toEqual({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: error.stack!.split('\n') },
    });
  });

  test('a client error never carries a stack trace, even when they are shown', () => {
    expect(toClientError(new NotFoundError('Gone.'), { stacktraces: true }).body).toEqual({
      message: 'Gone.',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe("express reports a body it could not read: BAD_REQUEST with express's 4xx status", () => {
  test.each([
    [
      { type: 'entity.too.large', status: 413, limit: 100 },
      413,
      'The request body is larger than the limit of 100 bytes.',
    ],
    [{ type: 'entity.parse.failed', status: 400 }, 400, 'The request body is not valid JSON.'],
    [{ type: 'charset.unsupported', status: 415 }, 415, 'The request could not be read.'],
    [{ status: 400, message: "Failed to decode param '%ZZ'" }, 400, 'The request could not be read.'],
  ])('%j', (error, status, message) => {
    expect(toClientError(fromExpress(Object.assign(new Error('raw'), error)))).toMatchObject({
      status,
      body: { message, extensions: { code: 'BAD_REQUEST' } },
      internal: false,
    });
  });

  test("elsewhere an error with a 4xx `status` (a library's) is the server's: masked", () => {
    const error = Object.assign(new Error('Request failed with status code 404'), { status: 404 });
    expect(toClientError(error)).toMatchObject({ status: 500, internal: true });
    expect(fromExpress(new Error('a bug in a route'))).toBeUndefined();
  });
});

const schema = buildSchema(`
  type Query {
    actor(id: ID!): String
    missing: String
    broken: String
    unavailable: String
    list(first: Int): [String]
  }
`);
const rootValue = {
  actor: (args: { id: string }) => {
    throw new BadUserInputError(`"${args.id}" is not a slug.`, { argumentName: 'id' });
  },
  missing: () => {
    throw new NotFoundError('No entity has the id "x".');
  },
  broken: () => {
    throw new Error('Cypher failed: MATCH (n) RETURN n');
  },
  unavailable: () => {
    throw new DatabaseUnavailableError('Neo4j at bolt://db:7687 is not answering.');
  },
  list: () => [],
};

describe('graphql-js: what a resolver throws, and its own syntax and validation errors', () => {
  function errorOf(source: string): GraphQLError {
    const result = execute({ schema, document: parse(source), rootValue });
    if (result instanceof Promise) throw new Error('expected a synchronous result');
    return result.errors![0]!;
  }

  test('a client error from a resolver keeps its locations and path', () => {
    expect(toClientError(errorOf('{ actor(id: "!") }'))).toMatchObject({
      status: 400,
      body: {
        message: '"!" is not a slug.',
        locations: [{ line: 1, column: 3 }],
        path: ['actor'],
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
      },
      internal: false,
    });
    expect(toClientError(errorOf('{ missing }')).body).toEqual({
      message: 'No entity has the id "x".',
      locations: [{ line: 1, column: 3 }],
      path: ['missing'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  test('a server-side error from a resolver keeps its path only; the original is what gets logged', () => {
    const unavailable = toClientError(errorOf('{ unavailable }'));
    expect(unavailable.body).toEqual({
      message: 'The database is not available right now; try again shortly.',
      path: ['unavailable'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(unavailable.original).toBeInstanceOf(DatabaseUnavailableError);
    const broken = toClientError(errorOf('{ broken }'), { stacktraces: false });
    expect(broken.body).toEqual({
      message: 'Internal server error.',
      path: ['broken'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(broken.internal).toBe(true);
    expect((broken.original as Error).message).toBe('Cypher failed: MATCH (n) RETURN n');
  });

  test('a syntax error is GRAPHQL_PARSE_FAILED (400) with its location', () => {
    let error: unknown;
    try {
      parse('{ actor(');
    } catch (thrown) {
      error = thrown;
    }
    expect(toClientError(error)).toMatchObject({
      status: 400,
      body: {
        message: 'Syntax Error: Expected Name, found <EOF>.',
        locations: [{ line: 1, column: 9 }],
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    });
  });

  test('a document over the token limit is QUERY_TOO_COMPLEX, naming the limit', () => {
    let error: unknown;
    try {
      parse('{ a b c d e f }', { maxTokens: 4 });
    } catch (thrown) {
      error = thrown;
    }
    expect(toClientError(error)).toMatchObject({
      status: 400,
      body: {
        message: "The query's number of tokens is more than 4; the limit is 4.",
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 4 },
      },
    });
  });

  test('a validation error is GRAPHQL_VALIDATION_FAILED (400) with its location; ours too', () => {
    const [unknownField] = validate(schema, parse('{ nope }'));
    expect(toClientError(unknownField)).toEqual({
      status: 400,
      body: {
        message: 'Cannot query field "nope" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      original: unknownField,
      internal: false,
    });
    const [subscription] = validate(schema, parse('subscription { actor(id: "a") }'), [knownOperationTypesRule]);
    expect(toClientError(subscription).body).toEqual({
      message: 'This API has no subscription operations.',
      locations: [{ line: 1, column: 1 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});

describe("Apollo's own errors, through the real ApolloServer with our formatError", () => {
  async function post(server: ApolloServer, body: unknown) {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    return { status: response.status ?? 200, body: JSON.parse(response.body.string) as { errors?: unknown[] } };
  }

  async function withServer(stacktraces: boolean, run: (server: ApolloServer) => Promise<void>) {
    const server = new ApolloServer({
      schema,
      rootValue,
      includeStacktraceInErrorResponses: stacktraces,
      formatError: formatError({ stacktraces }),
      validationRules: [knownOperationTypesRule],
      plugins: [costLimitPlugin({ maxCost: 100, maxExpensiveFields: 3 })],
    });
    await server.start();
    try {
      await run(server);
    } finally {
      await server.stop();
    }
  }

  test("request errors keep Apollo's code and status; limits are QUERY_TOO_COMPLEX", async () => {
    await withServer(true, async (server) => {
      expect(await post(server, { query: '{ actor(' })).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message: 'Syntax Error: Expected Name, found <EOF>.',
              locations: [{ line: 1, column: 9 }],
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            },
          ],
        },
      });
      expect(await post(server, { query: '{ nope }' })).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message: 'Cannot query field "nope" on type "Query".',
              locations: [{ line: 1, column: 3 }],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        },
      });
      expect(await post(server, { query: 'subscription { actor(id: "a") }' })).toMatchObject({
        status: 400,
        body: {
          errors: [
            { message: 'This API has no subscription operations.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ],
        },
      });
      expect(await post(server, { query: 'query ($id: ID!) { actor(id: $id) }', variables: {} })).toMatchObject({
        status: 400,
        body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] },
      });
      expect(await post(server, { query: 'query A { missing } query B { missing }' })).toMatchObject({
        status: 400,
        body: { errors: [{ extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] },
      });
      // A persisted query whose hash does not match: Apollo's 400 without a code.
      expect(
        await post(server, {
          query: '{ missing }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'aaaa' } },
        }),
      ).toEqual({
        status: 400,
        body: { errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }] },
      });
      // The cost plugin throws before execution: 400, not the 500 Apollo gives a plugin's error.
      expect(await post(server, { query: '{ list(first: 500) }' })).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message: "The query's estimated cost (rows it may return) is 500; the limit is 100.",
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 100, found: 500 },
            },
          ],
        },
      });
    });
  });

  test('field errors: client errors as they are, internal ones masked, with the stack in development only', async () => {
    await withServer(true, async (server) => {
      const { status, body } = await post(server, { query: '{ missing broken }' });
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        {
          message: 'No entity has the id "x".',
          locations: [{ line: 1, column: 3 }],
          path: ['missing'],
          extensions: { code: 'NOT_FOUND' },
        },
        {
          message: 'Internal server error.',
          path: ['broken'],
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            stacktrace: expect.arrayContaining([expect.stringMatching(/^Error: Cypher failed/)]),
          },
        },
      ]);
    });
    await withServer(false, async (server) => {
      const { body } = await post(server, { query: '{ broken }' });
      expect(body.errors).toEqual([
        { message: 'Internal server error.', path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
    });
  });
});

describe("graphql-js's reports on the client's input are the client's: coerced, shortened, without suggestions", () => {
  const pagingSchema = buildSchema('type Query { page(first: Int!): Int, count: Int } enum Kind { PUBLIC_BODY }');
  const pagingRoot = { page: () => 1, count: () => 'many' };

  function executionErrorOf(source: string, variableValues?: Record<string, unknown>): GraphQLError {
    const result = execute({ schema: pagingSchema, document: parse(source), rootValue: pagingRoot, variableValues });
    if (result instanceof Promise) throw new Error('expected a synchronous result');
    return result.errors![0]!;
  }

  test('an argument that cannot be coerced while the field executes is BAD_USER_INPUT (400), not internal', () => {
    const error = executionErrorOf('query($n: Int = 5) { page(first: $n) }', { n: null });
    expect(toClientError(error)).toMatchObject({
      status: 400,
      body: {
        message: 'Argument "first" of non-null type "Int!" must not be null.',
        path: ['page'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
      internal: false,
    });
  });

  test("a value the server cannot serialise is still the server's fault", () => {
    expect(toClientError(executionErrorOf('{ count }'))).toMatchObject({
      status: 500,
      body: { message: 'Internal server error.', path: ['count'] },
      internal: true,
    });
  });

  test('quoted values are cut to 80 characters; suggestions go only when asked', () => {
    const long = 'a'.repeat(1_000);
    const [unknown] = validate(pagingSchema, parse(`{ ${long} }`));
    expect(toClientError(unknown).body.message).toBe(`Cannot query field "${'a'.repeat(77)}..." on type "Query".`);
    const [typo] = validate(pagingSchema, parse('{ cont }'));
    expect(toClientError(typo).body.message).toBe('Cannot query field "cont" on type "Query". Did you mean "count"?');
    expect(toClientError(typo, { suggestions: false }).body.message).toBe('Cannot query field "cont" on type "Query".');
  });
});
