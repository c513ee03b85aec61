import type { Context } from '../context';
import { cypher } from '../db/cypher';
import { badUserInput } from '../graphql/errors';
import { checkFirst, decodeCursor, encodeCursor, pageOf } from '../graphql/pagination';
import type { AuditEventConnectionModel, AuditEventModel } from '../models';
import { entityRef } from '../mutations/input';
import { requireWriter } from '../mutations/requireWriter';
import { lazyCount } from './connections';

const CURSOR = 'auditTrail';

/**
 * A page of the audit trail, newest first, with keyset cursors on (at, id)
 * (cypher/auditTrailPage.cypher; the total, auditTrailCount, only when asked for). It names the
 * curators, so it needs a curator's token like the mutations do. `targetId` (a slug or global id)
 * keeps the events about one entity and its relationships.
 */
export async function auditTrailPage(
  ctx: Context,
  args: { first: number; after?: string | null; targetId?: string | null },
): Promise<AuditEventConnectionModel> {
  requireWriter(ctx, 'Reads of the audit trail');
  const first = checkFirst(args.first);
  const [afterAt, afterId] = args.after
    ? (decodeCursor(args.after, CURSOR, ['string', 'string']) as string[])
    : [null, null];
  let entityId: string | null = null;
  if (args.targetId) {
    try {
      entityId = entityRef(args.targetId, 'targetId').key;
    } catch {
      // The same check, reported as the argument it is (not as a field of an input).
      throw badUserInput(
        `"targetId" must be a slug or the global id of an entity, not "${args.targetId}".`,
        'targetId',
      );
    }
  }
  const rows = await ctx.db.read(
    cypher('auditTrailPage'),
    { entityId, afterAt, afterId, limit: first + 1 },
    ctx.queries,
  );
  const { items, hasNextPage } = pageOf(
    rows.map((row) => row.event as AuditEventModel),
    first,
  );
  return {
    edges: items.map((node) => ({ node, cursor: encodeCursor(CURSOR, [node.at, node.id]) })),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    count: lazyCount(ctx, 'auditTrailCount', { entityId }),
  };
}
