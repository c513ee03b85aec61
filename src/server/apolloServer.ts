import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type http from 'node:http';
import type { ApiSettings } from '../config';
import type { Context } from '../context';
import { resolvers } from '../resolvers';
import { expensiveOperationsPlugin, type ConcurrencyGate } from './expensiveOperations';
import { errorLoggingPlugin, formatError } from './formatError';
import { costLimitPlugin, limitValidationRules } from './limits';
import { loadTypeDefs } from './loadTypeDefs';
import type { Logger } from './logging';
import type { ServerMetrics } from './metrics';
import { queryCountPlugin } from './queryCountPlugin';

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

/** Fields added to the schema by a test (ServerOptions.schemaExtension): never in production. */
export interface SchemaExtension {
  /** SDL that extends the schema, e.g. `extend type Query { slow: Int }`. */
  typeDefs: string;
  /** Their resolvers, by type and field. */
  resolvers: Record<string, Record<string, (parent: never, args: never, context: Context) => unknown>>;
  /** Root fields among them that take a slot of the expensive-operations gate. */
  gatedRootFields?: string[];
}

export interface ApolloOptions {
  settings: ApiSettings;
  /** The limit on concurrent expensive operations, which GraphQL shares with /export. */
  expensiveGate: ConcurrencyGate;
  /** The root fields that take a slot of `expensiveGate`. */
  gatedRootFields: readonly string[];
  schemaExtension?: SchemaExtension;
  /** The HTTP server Apollo drains on stop. */
  httpServer: http.Server;
  log: Logger;
  metrics: ServerMetrics;
  /** The GraphiQL page (dist/web/graphiql.html). */
  graphiqlHtml: string;
}

/**
 * The GraphQL server, not yet started: the schema and resolvers, the query limits, errors as
 * ./formatError tells them, logs, metrics and query counts. Production settings turn off
 * introspection, field suggestions and stack traces.
 */
export function createApollo({
  settings,
  expensiveGate,
  gatedRootFields,
  schemaExtension,
  httpServer,
  log,
  metrics,
  graphiqlHtml,
}: ApolloOptions): ApolloServer<Context> {
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
  return new ApolloServer<Context>({
    typeDefs: schemaExtension ? [loadTypeDefs(), schemaExtension.typeDefs] : loadTypeDefs(),
    resolvers: schemaExtension ? [resolvers, schemaExtension.resolvers] : resolvers,
    introspection: settings.introspection,
    includeStacktraceInErrorResponses: !settings.production,
    // Apollo's CSRF prevention refuses every GET without an Apollo-Require-Preflight or
    // X-Apollo-Operation-Name header, and so every query of urql's default client and of
    // graphql-request's GET, which send none. CSRF abuses a browser's ambient credentials; this
    // API reads no cookies (writes carry a bearer token, which a forged request cannot add), and
    // Apollo runs only queries over GET (a mutation is 405), so a GET is safe without a preflight.
    // The check is kept for POST, where it is free (a client sends application/json), in
    // ./httpMiddleware's refuseSimplePosts; `requestHeaders` cannot tell GET from POST.
    csrfPrevention: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: settings.limits.maxTokens },
    validationRules: [...armor.validationRules, ...limitValidationRules(settings.limits)],
    // src/main.ts handles SIGINT/SIGTERM: it drains, closes the driver and stops the Neo4j it
    // started. Apollo's own handler would stop and then re-raise the signal, killing the process
    // before that cleanup ran.
    stopOnTerminationSignals: false,
    formatError: formatError({ stacktraces: !settings.production, suggestions: settings.introspection }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphiqlLandingPage(graphiqlHtml),
      costLimitPlugin<Context>(settings.limits),
      expensiveOperationsPlugin(expensiveGate, gatedRootFields),
      errorLoggingPlugin(log),
      metrics.apolloPlugin(),
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      ...queryCountPlugin(settings.exposeQueryCount),
    ],
  });
}
