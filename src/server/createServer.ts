import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { callerFrom } from '../auth';
import { loadApiSettings, PROJECT_ROOT, type ApiSettings } from '../config';
import { createContext, type Context } from '../context';
import { DatabaseUnavailableError, QueryTimeoutError, type Database } from '../db/Database';
import { ErrorCode } from '../errors';
import { resolvers } from '../resolvers';
import { costLimitPlugin, isTokenLimitError, limitExceeded, limitValidationRules } from './limits';
import { createLogger, httpLogger, type Logger } from './logging';
import { ServerMetrics } from './metrics';
import { queryCountPlugin } from './queryCountPlugin';
import { EXPORT_BODY_LIMIT_BYTES, exportRoutes } from './exportRoutes';

/** The SDL of the API: every `schema/*.graphql` file, in name order. */
export function loadTypeDefs(): string[] {
  const dir = path.join(PROJECT_ROOT, 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Error codes that describe the client's request and are returned as they are. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.QUERY_TOO_COMPLEX,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The error behind Apollo's wrappers: a resolver's, or the one a validation rule reported. */
function originalOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof GraphQLError && unwrapped.originalError) return unwrapped.originalError;
  return unwrapped;
}

/**
 * An error Apollo raised about the HTTP request itself, with a 4xx status and no code of its own
 * (Apollo's formatting then labels it INTERNAL_SERVER_ERROR): a persisted query whose hash does
 * not match, or of an unknown version.
 */
function isClientHttpError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Whether an error is the server's fault (to be logged in full and masked). */
export function isInternalError(formatted: GraphQLFormattedError, error: unknown): boolean {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return false;
  if (isClientHttpError(error)) return false;
  const original = originalOf(error);
  return !(original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError);
}

function withoutStacktrace(extensions: GraphQLFormattedError['extensions']) {
  const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
  return rest;
}

/**
 * Keeps client errors as they are (a rejected limit as QUERY_TOO_COMPLEX), turns an unreachable
 * database into SERVICE_UNAVAILABLE and a query past its time limit into TIMEOUT, and masks
 * everything else as INTERNAL_SERVER_ERROR (logged in full by the logging plugin). Client errors
 * never carry a stack trace (the message says what to fix); internal errors carry theirs outside
 * production only.
 */
export function formatError(options: { stacktraces: boolean; maxTokens: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    const at = formatted.path ? { path: formatted.path } : {};
    if (original instanceof GraphQLError && original.extensions.code === ErrorCode.QUERY_TOO_COMPLEX) {
      // A limit's validation rule: Apollo relabelled it GRAPHQL_VALIDATION_FAILED.
      return {
        message: formatted.message,
        extensions: { ...withoutStacktrace(formatted.extensions), code: ErrorCode.QUERY_TOO_COMPLEX },
      };
    }
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitError(formatted.message)) {
      return limitExceeded('tokens', options.maxTokens, undefined, 'number of tokens');
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { ...formatted, extensions: withoutStacktrace(formatted.extensions) };
    }
    if (isClientHttpError(error)) {
      // Apollo's own request errors without a code (a persisted query whose hash does not match).
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (original instanceof DatabaseUnavailableError) {
      return {
        message: 'The database is not available right now; try again shortly.',
        ...at,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    if (original instanceof QueryTimeoutError) {
      return { message: original.message, ...at, extensions: { code: ErrorCode.TIMEOUT } };
    }
    return {
      message: 'Internal server error.',
      ...at,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        ...(options.stacktraces ? { stacktrace: formatted.extensions?.stacktrace } : {}),
      },
    };
  };
}

/**
 * Logs what went wrong in a request with its request id: internal errors in full (they are
 * masked in the response), an unavailable database and timeouts as warnings.
 */
function errorLoggingPlugin(fallback: Logger): ApolloServerPlugin<Context> {
  return {
    // requestDidStart fires once per GraphQL request.
    requestDidStart: async () => ({
      // didEncounterErrors fires once when a request has errors, before they are formatted.
      didEncounterErrors: async ({ errors, contextValue }) => {
        const log = contextValue?.log ?? fallback;
        for (const error of errors) {
          const original = originalOf(error);
          if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) {
            log.warn({ err: original }, original.message);
          } else if (isInternalError({ message: error.message, extensions: error.extensions }, error)) {
            log.error({ err: original }, 'GraphQL request failed');
          }
        }
      },
    }),
  };
}

/** Serves the project's own GraphiQL bundle (dist/web) when a browser opens /graphql. */
function graphiqlLandingPage(html: string): ApolloServerPlugin<Context> {
  return {
    // serverWillStart fires once before the server accepts requests; the landing page it
    // returns is what Apollo sends to a GET that accepts text/html.
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

export interface ServerOptions {
  db: Database;
  /** pino logger; tests pass `silentLogger`. Default: a new logger at settings.logLevel. */
  logger?: Logger;
  /** Overrides of the defaults (`loadApiSettings({})`); src/main.ts passes the environment's. */
  settings?: Partial<ApiSettings>;
}

export interface MediconServer {
  app: express.Express;
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  metrics: ServerMetrics;
  settings: ApiSettings;
}

/** A JSON error in the GraphQL response shape, for requests that never reach Apollo. */
function sendHttpError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Refuses a body whose declared length is over the limit at once (413), without reading it:
 * body-parser would first wait for all of it, however large the client says it is.
 */
function declaredBodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.set('Connection', 'close');
      sendHttpError(res, 413, 'BAD_REQUEST', `The request body is larger than the limit of ${maxBytes} bytes.`);
      return;
    }
    next();
  };
}

/**
 * Answers TIMEOUT (503) when a request is not answered within `ms`. The Cypher transaction
 * timeout (shorter by default) normally stops the work first; this bounds everything else.
 */
function requestTimeout(ms: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      req.log?.warn(`Request timed out after ${ms} ms.`);
      res.set('Retry-After', '5');
      sendHttpError(res, 503, ErrorCode.TIMEOUT, `The request took longer than its ${ms} ms limit and was stopped.`);
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

/**
 * Builds the HTTP server: GraphQL (and GraphiQL) at /graphql, the web assets at /assets, the
 * exports and the explorer, /health, /ready and /metrics; with the limits, timeouts, CORS,
 * structured logs and metrics of `settings`. `apollo.start()` is done here; the caller listens.
 */
export async function createServer({ db, logger, settings: overrides = {} }: ServerOptions): Promise<MediconServer> {
  const settings: ApiSettings = { ...loadApiSettings({}), ...overrides };
  const log = logger ?? createLogger(settings.logLevel);
  const metrics = new ServerMetrics();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const webDir = path.join(PROJECT_ROOT, 'dist', 'web');
  const graphiqlHtml = path.join(webDir, 'graphiql.html');
  if (!fs.existsSync(graphiqlHtml)) {
    throw new Error(`"${graphiqlHtml}" is missing: run "npm run build" first.`);
  }
  // In production field suggestions ("Did you mean ...?") would reveal the schema that
  // introspection hides; the other armor protections are configured in ./limits.
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: !settings.introspection },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDepth: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: settings.introspection,
    includeStacktraceInErrorResponses: !settings.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: settings.limits.maxTokens },
    validationRules: [...armor.validationRules, ...limitValidationRules(settings.limits)],
    // src/main.ts handles SIGINT/SIGTERM: it drains, closes the driver and stops the Neo4j it
    // started. Apollo's own handler would stop and then re-raise the signal, killing the process
    // before that cleanup ran.
    stopOnTerminationSignals: false,
    formatError: formatError({ stacktraces: !settings.production, maxTokens: settings.limits.maxTokens }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphiqlLandingPage(fs.readFileSync(graphiqlHtml, 'utf8')),
      costLimitPlugin<Context>(settings.limits.maxCost),
      errorLoggingPlugin(log),
      metrics.apolloPlugin(),
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      ...queryCountPlugin(settings.exposeQueryCount),
    ],
  });
  await apollo.start();

  app.use(metrics.httpMiddleware());
  app.use(httpLogger(log));
  if (settings.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: settings.corsOrigins.includes('*') ? '*' : settings.corsOrigins,
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['Content-Type', 'Authorization', 'Apollo-Require-Preflight', 'X-Request-Id'],
        exposedHeaders: ['X-Request-Id'],
        maxAge: 600,
      }),
    );
  }

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await db.isReady();
    metrics.neo4jAvailable.set(ready ? 1 : 0);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.get('/metrics', async (req, res) => {
    if (settings.metricsToken && req.headers.authorization !== `Bearer ${settings.metricsToken}`) {
      sendHttpError(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        'The metrics need the bearer token set in MEDICON_METRICS_TOKEN.',
      );
      return;
    }
    metrics.neo4jAvailable.set(db.isKnownUnavailable ? 0 : 1);
    const { contentType, text } = await metrics.render();
    res.set('Content-Type', contentType).send(text);
  });
  app.use('/assets', express.static(webDir, { index: false, maxAge: '1h' }));
  app.use('/export', requestTimeout(settings.requestTimeoutMs), declaredBodyLimit(EXPORT_BODY_LIMIT_BYTES));
  app.use(exportRoutes(db, log)); // /export/{format} downloads and the /explore page
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    requestTimeout(settings.requestTimeoutMs),
    declaredBodyLimit(settings.limits.maxBodyBytes),
    express.json({ limit: settings.limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(
          db,
          callerFrom(req.headers.authorization, settings.writeTokens),
          settings.writeTokens.enabled,
          req.log,
          settings.limits.maxPageSize,
        ),
    }),
  );
  // Requests that fail before Apollo (a body too large or not JSON) or outside it: JSON errors,
  // never express's HTML page with a stack trace.
  app.use(
    (error: { type?: string; status?: number; limit?: number }, req: Request, res: Response, _next: NextFunction) => {
      if (error.type === 'entity.too.large') {
        sendHttpError(
          res,
          413,
          'BAD_REQUEST',
          `The request body is larger than the limit of ${error.limit ?? settings.limits.maxBodyBytes} bytes.`,
        );
      } else if (error.type === 'entity.parse.failed') {
        sendHttpError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
        sendHttpError(res, error.status, 'BAD_REQUEST', 'The request could not be read.');
      } else {
        (req.log ?? log).error({ err: error }, 'Request failed');
        sendHttpError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
      }
    },
  );
  return { app, apollo, httpServer, metrics, settings };
}
