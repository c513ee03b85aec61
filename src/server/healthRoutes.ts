import express, { type Router } from 'express';
import { isBearerToken } from '../auth';
import type { ApiSettings } from '../config';
import type { Database } from '../db/Database';
import { RateLimitedError, UnauthenticatedError } from '../errors';
import { sendClientError } from './clientErrors';
import type { Logger } from './logging';
import type { ServerMetrics } from './metrics';
import type { TokenAttemptLimiter } from './tokenAttempts';

/**
 * What operators and load balancers read: /health (the process answers), /ready (Neo4j answers:
 * 200 or 503) and /metrics (Prometheus text, behind MEDICON_METRICS_TOKEN when it is set).
 */
export function healthRoutes(
  db: Database,
  metrics: ServerMetrics,
  settings: Pick<ApiSettings, 'metricsToken'>,
  log: Logger,
  /** The server's failed-token counter, shared with /graphql (./tokenAttempts). */
  attempts?: TokenAttemptLimiter,
): Router {
  const router = express.Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const ready = await db.isReady();
    metrics.neo4jAvailable.set(ready ? 1 : 0);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  router.get('/metrics', async (req, res) => {
    if (settings.metricsToken) {
      const client = req.ip ?? 'unknown';
      const wait = attempts?.retryAfterSeconds(client) ?? 0;
      if (wait > 0) {
        res.set('Retry-After', String(wait));
        sendClientError(res, new RateLimitedError(wait), req.log ?? log, 'Metrics refused');
        return;
      }
      if (!isBearerToken(req.headers.authorization, settings.metricsToken)) {
        if (req.headers.authorization) attempts?.recordFailure(client);
        const error = new UnauthenticatedError('The metrics need the bearer token set in MEDICON_METRICS_TOKEN.');
        sendClientError(res, error, req.log ?? log, 'Metrics failed');
        return;
      }
    }
    metrics.neo4jAvailable.set(db.isKnownUnavailable ? 0 : 1);
    const { contentType, text } = await metrics.render();
    res.set('Content-Type', contentType).send(text);
  });
  return router;
}
