import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';

/** An entity the walk reached: its id, its sortKey and how many hops from the nearest centre. */
export interface Reached {
  id: string;
  sortKey: string;
  distance: number;
}

export interface WalkOptions {
  /** How many hops at most. */
  depth: number;
  /** Follow relationships of these types only (null: all). */
  types: readonly string[] | null;
  /** Follow relationships with one of these bases only (null: all). */
  bases: readonly string[] | null;
  /** Stop before the next level once more than this many entities are reached (default: no cap). */
  enough?: number;
}

/**
 * The entities within `depth` hops of the centres, nearest first and in name order within a
 * level, the centres left out: a breadth-first walk, one query per level
 * (cypher/neighboursOf.cypher). Query.neighbourhood and Query.graph's `around` both walk here.
 */
export async function walkFrom(
  ctx: ReadContext,
  centreIds: readonly string[],
  options: WalkOptions,
): Promise<Reached[]> {
  const seen = new Set(centreIds);
  const reached: Reached[] = [];
  let frontier = [...seen];
  for (
    let level = 1;
    level <= options.depth && frontier.length > 0 && reached.length <= (options.enough ?? Infinity);
    level++
  ) {
    const rows = await ctx.db.read(
      cypher('neighboursOf'),
      { ids: frontier, types: options.types, bases: options.bases },
      ctx.queries,
    );
    const next = rows
      .map((row) => ({ id: row.id as string, sortKey: row.sortKey as string, distance: level }))
      .filter((n) => !seen.has(n.id))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const n of next) seen.add(n.id);
    reached.push(...next);
    frontier = next.map((n) => n.id);
  }
  return reached;
}
