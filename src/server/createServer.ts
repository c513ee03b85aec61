import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { callerFrom } from '../auth';
import { loadApiSettings, PROJECT_ROOT, type ApiSettings } from '../config';
import { createContext, type Context } from '../context';
import type { Database } from '../db/Database';
import { createApollo, type SchemaExtension } from './apolloServer';
import { ConcurrencyGate, GATED_ROOT_FIELDS } from './expensiveOperations';
import { exploreRoute } from './exploreRoute';
import { EXPORT_BODY_LIMIT_BYTES, exportRoutes } from './exportRoutes';
import { healthRoutes } from './healthRoutes';
import {
  corsFor,
  declaredBodyLimit,
  jsonErrorHandler,
  refuseSimplePosts,
  requestScopeOf,
  requestTimeout,
} from './httpMiddleware';
import { createLogger, httpLogger, type Logger } from './logging';
import { ServerMetrics } from './metrics';
import { configureNetworkAnalysis } from '../network/networkHandle';
import { callerOf, TokenAttemptLimiter, tokenAttempts } from './tokenAttempts';

export interface ServerOptions {
  db: Database;
  /** pino logger; tests pass `silentLogger`. Default: a new logger at settings.logLevel. */
  logger?: Logger;
  /** Overrides of the defaults (`loadApiSettings({})`); src/main.ts passes the environment's. */
  settings?: Partial<ApiSettings>;
  /**
   * For tests only: root fields that production never serves, added to the schema (with names
   * in `gatedRootFields` taking a slot of the expensive-operations gate). The cancellation tests
   * add one that runs cypher/test/slowQuery on the real Neo4j.
   */
  schemaExtension?: SchemaExtension;
}

export interface MediconServer {
  app: express.Express;
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  metrics: ServerMetrics;
  settings: ApiSettings;
  /** The limit on concurrent expensive operations (./expensiveOperations), shared by GraphQL and /export. */
  expensiveGate: ConcurrencyGate;
}

/**
 * Builds the HTTP server: GraphQL (and GraphiQL) at /graphql, the web assets at /assets, the
 * exports and the explorer, /health, /ready and /metrics; with the limits, timeouts, CORS,
 * compression, structured logs and metrics of `settings`. `apollo.start()` is done here; the caller listens.
 * Each piece lives in its own module: ./apolloServer (GraphQL), ./httpMiddleware, ./healthRoutes,
 * ./exportRoutes, ./exploreRoute; errors are answered by ./clientErrors everywhere.
 */
export async function createServer({
  db,
  logger,
  settings: overrides = {},
  schemaExtension,
}: ServerOptions): Promise<MediconServer> {
  const settings: ApiSettings = { ...loadApiSettings({}), ...overrides };
  const log = logger ?? createLogger(settings.logLevel);
  configureNetworkAnalysis(settings.network);
  const metrics = new ServerMetrics();
  const app = express();
  app.disable('x-powered-by');
  // Which address req.ip is (the token-attempt limit counts by it): see ApiSettings.trustProxy.
  app.set('trust proxy', settings.trustProxy);
  const httpServer = http.createServer(app);
  const webDir = path.join(PROJECT_ROOT, 'dist', 'web');
  const graphiqlHtml = path.join(webDir, 'graphiql.html');
  if (!fs.existsSync(graphiqlHtml)) {
    throw new Error(`"${graphiqlHtml}" is missing: run "npm run build" first.`);
  }
  const expensiveGate = new ConcurrencyGate(settings.maxConcurrentExpensive, settings.expensiveQueue);
  const apollo = createApollo({
    settings,
    expensiveGate,
    gatedRootFields: [...GATED_ROOT_FIELDS, ...(schemaExtension?.gatedRootFields ?? [])],
    ...(schemaExtension ? { schemaExtension } : {}),
    httpServer,
    log,
    metrics,
    graphiqlHtml: fs.readFileSync(graphiqlHtml, 'utf8'),
  });
  await apollo.start();

  app.use(metrics.httpMiddleware());
  app.use(httpLogger(log, settings.requestLogEvery));
  app.use(corsFor(settings));
  // gzip or brotli (as the client's Accept-Encoding prefers) for every answer over 1 kB: GraphQL
  // responses, exports and the bundles in dist/web, which are sent compressed the same way.
  app.use(compression());

  // Failed token attempts per client address, for /graphql and /metrics alike.
  const attempts = new TokenAttemptLimiter(settings.authFailures.max, settings.authFailures.windowSeconds);
  app.use(healthRoutes(db, metrics, settings, log, attempts));
  app.use('/assets', express.static(webDir, { index: false, maxAge: '1h' }));
  app.use('/export', requestTimeout(settings.requestTimeoutMs, log), declaredBodyLimit(EXPORT_BODY_LIMIT_BYTES, log));
  app.use(exportRoutes(db, log, expensiveGate));
  app.use(exploreRoute());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    requestTimeout(settings.requestTimeoutMs, log),
    refuseSimplePosts(log),
    declaredBodyLimit(settings.limits.maxBodyBytes, log),
    tokenAttempts(settings.writeTokens, settings, log, attempts),
    express.json({ limit: settings.limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(db, {
          caller: callerOf(res) ?? callerFrom(req.headers.authorization, settings.writeTokens),
          writesEnabled: settings.writeTokens.enabled,
          log: req.log,
          maxPageSize: settings.limits.maxPageSize,
          scope: requestScopeOf(res),
        }),
    }),
  );
  app.use(jsonErrorHandler(log));
  return { app, apollo, httpServer, metrics, settings, expensiveGate };
}
