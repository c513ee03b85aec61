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
import { createApollo } from './apolloServer';
import { exploreRoute } from './exploreRoute';
import { EXPORT_BODY_LIMIT_BYTES, exportRoutes } from './exportRoutes';
import { healthRoutes } from './healthRoutes';
import { corsFor, declaredBodyLimit, jsonErrorHandler, refuseSimplePosts, requestTimeout } from './httpMiddleware';
import { createLogger, httpLogger, type Logger } from './logging';
import { ServerMetrics } from './metrics';
import { configureNetworkAnalysis } from '../network/networkHandle';

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

/**
 * Builds the HTTP server: GraphQL (and GraphiQL) at /graphql, the web assets at /assets, the
 * exports and the explorer, /health, /ready and /metrics; with the limits, timeouts, CORS,
 * compression, structured logs and metrics of `settings`. `apollo.start()` is done here; the caller listens.
 * Each piece lives in its own module: ./apolloServer (GraphQL), ./httpMiddleware, ./healthRoutes,
 * ./exportRoutes, ./exploreRoute; errors are answered by ./clientErrors everywhere.
 */
export async function createServer({ db, logger, settings: overrides = {} }: ServerOptions): Promise<MediconServer> {
  const settings: ApiSettings = { ...loadApiSettings({}), ...overrides };
  const log = logger ?? createLogger(settings.logLevel);
  configureNetworkAnalysis(settings.network);
  const metrics = new ServerMetrics();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const webDir = path.join(PROJECT_ROOT, 'dist', 'web');
  const graphiqlHtml = path.join(webDir, 'graphiql.html');
  if (!fs.existsSync(graphiqlHtml)) {
    throw new Error(`"${graphiqlHtml}" is missing: run "npm run build" first.`);
  }
  const apollo = createApollo({
    settings,
    httpServer,
    log,
    metrics,
    graphiqlHtml: fs.readFileSync(graphiqlHtml, 'utf8'),
  });
  await apollo.start();

  app.use(metrics.httpMiddleware());
  app.use(httpLogger(log));
  app.use(corsFor(settings));
  // gzip or brotli (as the client's Accept-Encoding prefers) for every answer over 1 kB: GraphQL
  // responses, exports and the bundles in dist/web, which are sent compressed the same way.
  app.use(compression());

  app.use(healthRoutes(db, metrics, settings, log));
  app.use('/assets', express.static(webDir, { index: false, maxAge: '1h' }));
  app.use('/export', requestTimeout(settings.requestTimeoutMs, log), declaredBodyLimit(EXPORT_BODY_LIMIT_BYTES, log));
  app.use(exportRoutes(db, log));
  app.use(exploreRoute());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    requestTimeout(settings.requestTimeoutMs, log),
    refuseSimplePosts(log),
    declaredBodyLimit(settings.limits.maxBodyBytes, log),
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
  app.use(jsonErrorHandler(log));
  return { app, apollo, httpServer, metrics, settings };
}
