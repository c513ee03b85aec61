import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { GraphQLFormattedError } from 'graphql';
import { PROJECT_ROOT } from '../config';
import { createContext, type Context } from '../context';
import { DatabaseUnavailableError, type Database } from '../db/Database';
import { ErrorCode } from '../errors';
import { resolvers } from '../resolvers';
import { queryCountPlugin } from './queryCountPlugin';
import { exportRoutes } from './exportRoutes';

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
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

type Logger = Pick<Console, 'error' | 'info'>;

/**
 * Keeps client errors as they are, turns an unreachable database into SERVICE_UNAVAILABLE, and
 * masks everything else: logged in full here, returned as a bare INTERNAL_SERVER_ERROR.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseUnavailableError) {
      logger.error(original.message);
      return {
        message: 'The database is not available right now; try again shortly.',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    logger.error(original);
    return {
      message: 'Internal server error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
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
  logger?: Logger;
}

export interface MediconServer {
  app: express.Express;
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
}

/**
 * Builds the HTTP server: GraphQL (and GraphiQL) at /graphql, the web assets at /assets,
 * /health and /ready. Call `apollo.start()` is done here; the caller listens.
 */
export async function createServer({ db, logger = console }: ServerOptions): Promise<MediconServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const webDir = path.join(PROJECT_ROOT, 'dist', 'web');
  const graphiqlHtml = path.join(webDir, 'graphiql.html');
  if (!fs.existsSync(graphiqlHtml)) {
    throw new Error(`"${graphiqlHtml}" is missing: run "npm run build" first.`);
  }
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    includeStacktraceInErrorResponses: false,
    // src/main.ts handles SIGINT/SIGTERM: it drains, closes the driver and stops the Neo4j it
    // started. Apollo's own handler would stop and then re-raise the signal, killing the process
    // before that cleanup ran.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), graphiqlLandingPage(fs.readFileSync(graphiqlHtml, 'utf8')), ...queryCountPlugin()],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await db.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.use('/assets', express.static(webDir, { index: false, maxAge: '1h' }));
  app.use(exportRoutes(db, logger)); // /export/{format} downloads and the /explore page
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => createContext(db) }),
  );
  return { app, apollo, httpServer };
}
