import type { Context } from '../context';
import { cypher } from '../db/cypher';
import type { ConnectionModel } from '../models';

/** A connection whose total is counted by `countQuery` with `params`, only when asked. */
export function lazyCount(
  ctx: Context,
  countQuery: string,
  params: Record<string, unknown>,
): ConnectionModel<never>['count'] {
  let total: Promise<number> | undefined;
  return () => {
    total ??= ctx.db.read(cypher(countQuery), params, ctx.queries).then(([row]) => Number(row?.count ?? 0));
    return total;
  };
}
