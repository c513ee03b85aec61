import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';
import { SIDE_ANCHORS, sideOf, type Side } from '../network/sides';

/** The country side of each entity (by slug), from the regions it is located in: one query. */
export async function nodeSides(ctx: ReadContext, slugs: readonly string[]): Promise<Map<string, Side | null>> {
  if (slugs.length === 0) return new Map();
  const rows = await ctx.db.read(
    cypher('nodeSides'),
    { ids: [...slugs], anchors: Object.keys(SIDE_ANCHORS) },
    ctx.queries,
  );
  return new Map(rows.map((row) => [row.id as string, sideOf(row.anchors as string[])]));
}
