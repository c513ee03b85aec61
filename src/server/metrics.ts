import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import client from 'prom-client';
import type { Context } from '../context';

/**
 * Prometheus metrics of one server (its own registry, so that several servers in one process,
 * as in the tests, do not collide): HTTP requests and their latency, GraphQL operations and
 * errors by code, Cypher round trips per request, Neo4j availability, and Node's process metrics
 * (but the Node.js version).
 */
export class ServerMetrics {
  readonly registry = new client.Registry();
  private readonly httpRequests = new client.Counter({
    name: 'medicon_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new client.Histogram({
    name: 'medicon_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly operations = new client.Counter({
    name: 'medicon_graphql_operations_total',
    help: 'GraphQL operations, by type and outcome (ok, or error when the response has errors).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly errors = new client.Counter({
    name: 'medicon_graphql_errors_total',
    help: 'GraphQL errors returned, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly cypherQueries = new client.Counter({
    name: 'medicon_cypher_queries_total',
    help: 'Cypher round trips made to answer GraphQL requests.',
    registers: [this.registry],
  });
  private readonly cypherPerRequest = new client.Histogram({
    name: 'medicon_cypher_queries_per_request',
    help: 'Cypher round trips per GraphQL request (DataLoader batching keeps this at one per level).',
    buckets: [0, 1, 2, 3, 4, 5, 8, 13, 21],
    registers: [this.registry],
  });
  readonly neo4jAvailable = new client.Gauge({
    name: 'medicon_neo4j_available',
    help: '1 when the last readiness check reached Neo4j, 0 when it did not.',
    registers: [this.registry],
  });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'medicon_' });
    // Which Node.js runs the server tells an attacker which vulnerabilities to try: not shown.
    this.registry.removeSingleMetric('medicon_nodejs_version_info');
  }

  /** Express middleware: counts and times every request when its response finishes. */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const stop = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = routeOf(req.originalUrl ?? req.url);
        stop({ route });
        this.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Apollo plugin: operations, error codes and Cypher round trips of each GraphQL request. */
  apolloPlugin(): ApolloServerPlugin<Context> {
    return {
      // requestDidStart fires once per GraphQL request; the listener lives as long as it.
      requestDidStart: async () => ({
        // willSendResponse fires once per request with the final response, errors included.
        willSendResponse: async ({ contextValue, operation, response }) => {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errorList = body?.errors ?? [];
          this.operations.inc({ type: operation?.operation ?? 'unknown', outcome: errorList.length ? 'error' : 'ok' });
          for (const error of errorList) {
            const code = error.extensions?.code;
            this.errors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
          // contextValue is undefined when the request failed before its context was built.
          const queries = contextValue?.queries?.count ?? 0;
          this.cypherQueries.inc(queries);
          this.cypherPerRequest.observe(queries);
        },
      }),
    };
  }

  /** The exposition text and its content type for GET /metrics. */
  async render(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}

/** A small, fixed set of route labels, so that hostile URLs cannot grow the label set. */
const ROUTES = ['/graphql', '/export', '/explore', '/assets', '/health', '/ready', '/metrics'];

export function routeOf(url: string): string {
  const pathname = url.split('?')[0] ?? '';
  if (pathname === '/') return '/';
  return ROUTES.find((route) => pathname === route || pathname.startsWith(`${route}/`)) ?? 'other';
}
