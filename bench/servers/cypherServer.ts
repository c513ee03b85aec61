/**
 * System (c), the floor: one hand-written Cypher query per request (cypher/bench/baseline/), run
 * through the project's Database class and answered as JSON by a bare Express app. No GraphQL:
 * what is left is HTTP, the driver and Neo4j.
 */
import express from 'express';
import http from 'node:http';
import { cypher } from '../../src/db/cypher';
import { Database, newQueryCounter } from '../../src/db/Database';
import { connectionFromEnv, serveUntilTerminated } from './childServer';

/** The baseline queries, by the name the benchmark posts to (an allow-list: no other file is read). */
export const BASELINE_QUERIES = [
  'memberPage',
  'fanOut',
  'actorsPage',
  'filteredCount',
  'searchHydrated',
  'supporters',
  'paths',
  'neighbourhood',
  'typedFields',
] as const;
export type BaselineQuery = (typeof BASELINE_QUERIES)[number];

async function main() {
  const db = await Database.connect(connectionFromEnv());
  const app = express();
  app.post('/cypher/:query', express.json({ limit: '100kb' }), async (req, res) => {
    const name = req.params.query as BaselineQuery;
    if (!BASELINE_QUERIES.includes(name)) {
      res.status(404).json({ error: `"${name}" is not a baseline query.` });
      return;
    }
    const queries = newQueryCounter();
    try {
      const rows = await db.read(cypher(`bench/baseline/${name}`), req.body as Record<string, unknown>, queries);
      res.json({ rows, queryCount: queries.count });
    } catch (error) {
      console.error(error);
      res.status(500).json({ error: (error as Error).message });
    }
  });
  const httpServer = http.createServer(app);
  await serveUntilTerminated(httpServer, async () => {
    await new Promise((resolve) => httpServer.close(resolve));
    await db.close();
  });
}

// Runs when started as a process; importing the module (for its exports) starts nothing.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
