import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../context';
import { logClientError, toClientError } from './clientErrors';
import type { Logger } from './logging';

/**
 * Apollo's `formatError`: every error of a GraphQL response as toClientError tells it (client
 * errors as they are, a rejected limit as QUERY_TOO_COMPLEX, an unreachable database as
 * SERVICE_UNAVAILABLE, a query past its time limit as TIMEOUT, everything else masked as
 * INTERNAL_SERVER_ERROR). Apollo's own formatting is ignored: it is the same error, labelled
 * INTERNAL_SERVER_ERROR when it had no code. Internal errors carry their stack trace when
 * `stacktraces` (outside production); client errors never do (the message says what to fix).
 * graphql-js's "Did you mean ...?" suggestions stay only when `suggestions` (introspection on).
 */
export function formatError(options: { stacktraces: boolean; suggestions?: boolean }) {
  return (_formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    toClientError(error, options).body;
}

/**
 * Logs what went wrong in a GraphQL request with its request id: internal errors in full (they
 * are masked in the response), an unavailable database and timeouts as warnings.
 */
export function errorLoggingPlugin(fallback: Logger): ApolloServerPlugin<Context> {
  return {
    // requestDidStart fires once per GraphQL request.
    requestDidStart: async () => ({
      // didEncounterErrors fires once when a request has errors, before they are formatted.
      didEncounterErrors: async ({ errors, contextValue }) => {
        const log = contextValue?.log ?? fallback;
        for (const error of errors) logClientError(log, toClientError(error), 'GraphQL request failed');
      },
    }),
  };
}
