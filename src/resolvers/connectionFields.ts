import type { ConnectionModel } from '../models';

/**
 * The fields every connection type shares: nodes, pageInfo and a totalCount that runs its count
 * query only when selected.
 */
export function connectionFields<Edge extends { cursor: string; node: unknown }>() {
  return {
    nodes: (connection: ConnectionModel<Edge>) => connection.edges.map((edge) => edge.node as Edge['node']),
    pageInfo: (connection: ConnectionModel<Edge>) => ({
      hasNextPage: connection.hasNextPage,
      hasPreviousPage: connection.hasPreviousPage,
      startCursor: connection.edges[0]?.cursor ?? null,
      endCursor: connection.edges.at(-1)?.cursor ?? null,
    }),
    totalCount: (connection: ConnectionModel<Edge>) => connection.count(),
  };
}
