import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/** The environment switch that turns the plugin on (the benchmark sets it for its API process). */
export const EXPOSE_QUERY_COUNT_ENV = 'MEDICON_EXPOSE_QUERY_COUNT';

/**
 * Puts the number of Cypher round trips a request made (`ctx.queries.count`) into the response's
 * `extensions.queryCount`, so that a benchmark can report round trips per request from outside
 * the process. Off unless MEDICON_EXPOSE_QUERY_COUNT=1: clients have no use for it, and it tells
 * them how the API talks to the database.
 */
export function queryCountPlugin(env: NodeJS.ProcessEnv = process.env): ApolloServerPlugin<Context>[] {
  if (env[EXPOSE_QUERY_COUNT_ENV] !== '1') return [];
  return [
    {
      // requestDidStart fires once per GraphQL request; the listener it returns lives as long as
      // that request.
      async requestDidStart() {
        return {
          // willSendResponse fires after every resolver and loader of the request has run, just
          // before the body is serialised: the count is final here.
          async willSendResponse({ contextValue, response }) {
            if (response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, queryCount: contextValue.queries.count };
          },
        };
      },
    },
  ];
}
