import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/**
 * Puts the number of Cypher round trips a request made (`ctx.queries.count`) into the response's
 * `extensions.queryCount`, so that a benchmark can report round trips per request from outside
 * the process. Only when `enabled` (the `exposeQueryCount` setting, MEDICON_EXPOSE_QUERY_COUNT):
 * clients have no use for it, and it tells them how the API talks to the database.
 */
export function queryCountPlugin(enabled: boolean): ApolloServerPlugin<Context>[] {
  if (!enabled) return [];
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
