import type { SeedData } from '../seed/loadSeedFiles';
import { toWriteParams } from '../seed/writeSeed';

/**
 * Which entities the graph joins, in either direction: every relationship the seed loader writes,
 * the derived ones included (a region's partOf, a theme's broader, a priority's strategy or
 * parent), taken from `toWriteParams` so that the check sees what Neo4j would hold.
 */
export function graphJoins(data: SeedData): Map<string, Set<string>> {
  const joins = new Map<string, Set<string>>();
  const join = (a: string, b: string) => {
    const set = joins.get(a) ?? new Set<string>();
    set.add(b);
    joins.set(a, set);
  };
  for (const { from, to } of toWriteParams(data).relationships) {
    join(from, to);
    join(to, from);
  }
  return joins;
}
