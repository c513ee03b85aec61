/**
 * System (b): the Neo4j GraphQL Library (@neo4j/graphql 7) over the same database, with the
 * schema a user of it would write for this graph (bench/neo4jGraphql/typeDefs.graphql), served
 * by the same HTTP stack as system (a): Apollo Server 5 on Express 5. Responses carry
 * `extensions.queryCount`, the Cypher round trips counted by wrapping the driver.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config';
import { connectionFromEnv, serveUntilTerminated } from './childServer';
import { countingDriver, type RoundTripCounter } from './countingDriver';

/** The library's schema for this graph; the parent may name another file in BENCH_NEO4J_GRAPHQL_TYPE_DEFS. */
export const NEO4J_GRAPHQL_TYPE_DEFS = path.join(PROJECT_ROOT, 'bench', 'neo4jGraphql', 'typeDefs.graphql');

interface LibraryContext {
  executionContext: Driver;
  roundTrips: RoundTripCounter;
}

/** Copies the request's round-trip count into `extensions.queryCount`, as system (a) does. */
const roundTripsPlugin: ApolloServerPlugin<LibraryContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, queryCount: contextValue.roundTrips.count };
      },
    };
  },
};

async function main() {
  const connection = connectionFromEnv();
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    logging: { level: 'error', logger: () => undefined },
    // As system (a)'s Database: give up on a failing query after 5 s of retries, not 30 s.
    maxTransactionRetryTime: 5000,
  });
  await driver.verifyConnectivity();
  const library = new Neo4jGraphQL({
    typeDefs: fs.readFileSync(process.env.BENCH_NEO4J_GRAPHQL_TYPE_DEFS || NEO4J_GRAPHQL_TYPE_DEFS, 'utf8'),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<LibraryContext>({ schema: await library.getSchema(), plugins: [roundTripsPlugin] });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async () => {
        const roundTrips = { count: 0 };
        return { roundTrips, executionContext: countingDriver(driver, roundTrips) };
      },
    }),
  );
  await serveUntilTerminated(httpServer, async () => {
    await apollo.stop();
    await driver.close();
  });
}

// Runs when started as a process; importing the module (for its exports) starts nothing.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
