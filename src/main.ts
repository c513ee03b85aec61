/**
 * `npm start`: ensures Neo4j is up (the project's own, unless NEO4J_URI names another), applies
 * the schema, loads seed/ into an empty graph (`--reload-seed` reloads it), and serves GraphQL and
 * GraphiQL at http://localhost:$PORT/graphql, listening on $HOST (127.0.0.1 unless set). Ctrl-C drains requests, closes the driver and stops
 * the Neo4j it started.
 */
import type { AddressInfo } from 'node:net';
import { runCli } from './cli';
import { prepareDatabase } from './bootstrap';
import { DEFAULT_HOST, loadApiSettings, loadConfig } from './config';
import { Database } from './db/Database';
import { ConfigError } from './errors';
import { ensureNeo4j, type Neo4jHandle } from './neo4j/connection';
import { createServer } from './server/createServer';

runCli(async (args) => {
  const config = loadConfig();
  const settings = loadApiSettings();
  const reloadSeed = args.includes('--reload-seed') || config.reloadSeed;
  let neo4jHandle: Neo4jHandle | undefined;
  let db: Database | undefined;
  const cleanUp = async () => {
    await db?.close();
    await neo4jHandle?.release();
  };
  try {
    neo4jHandle = await ensureNeo4j(config, 'dev', console.log);
    db = await Database.connect(neo4jHandle.connection, { transactionTimeoutMs: settings.cypherTimeoutMs });
    const loaded = await prepareDatabase(db, { reloadSeed });
    console.log(
      loaded
        ? `Loaded seed/: ${loaded.entities} entities, ${loaded.relationships} relationships, ${loaded.figures} figures, ${loaded.sources} sources.`
        : 'The graph is already seeded (npm start -- --reload-seed reloads it).',
    );
    const server = await createServer({ db, settings });
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new ConfigError(`Port ${config.port} is in use by another process; set PORT to a free port.`)
            : error.code === 'EADDRNOTAVAIL'
              ? new ConfigError(`HOST "${config.host}" is not an address of this machine; set HOST to one that is.`)
              : error,
        ),
      );
      server.httpServer.listen(config.port, config.host, resolve);
    });
    const { port } = server.httpServer.address() as AddressInfo;
    console.log(
      `medicon-graph serves GraphQL and GraphiQL at http://localhost:${port}/graphql (${neo4jHandle.describe}); ` +
        `listening on ${config.host}${config.host === DEFAULT_HOST ? ' only (HOST=0.0.0.0 serves the network)' : ''}.`,
    );
    console.log(
      `Writes are ${settings.writeTokens.enabled ? 'on (bearer tokens from MEDICON_WRITE_TOKENS)' : 'off (no MEDICON_WRITE_TOKENS)'}; ` +
        `introspection ${settings.introspection ? 'on' : 'off'}; request logs go to stdout as JSON (LOG_LEVEL=${settings.logLevel}).`,
    );

    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        console.log(`\n${signal}: draining requests and shutting down...`);
        resolve();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    await server.apollo.stop();
    await cleanUp();
    console.log('Stopped.');
  } catch (error) {
    await cleanUp();
    throw error;
  }
});
