import type { Context } from '../context';
import { badUserInput } from '../graphql/errors';
import { fromSlugOrGlobalId } from '../graphql/globalId';
import { cursorKind } from '../graphql/pagination';
import type { AuditEventConnectionModel, AuditEventModel } from '../models';
import { requireWriter } from '../mutations/requireWriter';
import { keysetConnection, type PageArgs } from './connections';

/** The id of the entity `targetId` names (a slug or global id); BAD_USER_INPUT naming the argument. */
function targetEntityId(targetId: string): string {
  try {
    const { key, type } = fromSlugOrGlobalId(targetId, 'targetId');
    if (type !== 'Source') return key;
  } catch {
    // Reported below, as the argument it is.
  }
  throw badUserInput(`"targetId" must be a slug or the global id of an entity, not "${targetId}".`, 'targetId');
}

/**
 * A page of the audit trail, newest first, with keyset cursors on (at, id)
 * (cypher/auditTrailPage.cypher; the total, auditTrailCount, only when asked for). It names the
 * curators, so it needs a curator's token like the mutations do. `targetId` (a slug or global id)
 * keeps the events about one entity and its relationships.
 */
export async function auditTrailPage(
  ctx: Context,
  args: PageArgs & { targetId?: string | null },
): Promise<AuditEventConnectionModel> {
  requireWriter(ctx, 'Reads of the audit trail');
  return keysetConnection(ctx, args, {
    cursor: cursorKind('auditTrail', ['string', 'string']),
    query: { forward: 'auditTrailPage', backward: 'auditTrailPageReverse' },
    params: { entityId: args.targetId ? targetEntityId(args.targetId) : null },
    position: (from) => {
      const [fromAt, fromId] = from ?? [null, null];
      return { fromAt, fromId };
    },
    edge: (row) => ({ node: row.event as AuditEventModel }),
    sortValues: ({ node }) => [node.at, node.id],
    count: { query: 'auditTrailCount' },
  });
}
