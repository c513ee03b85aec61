import { cypher } from '../db/cypher';
import type { ReadContext } from '../context';
import { badUserInput } from '../graphql/errors';
import type { EntityModel } from '../models';
import { foldForMatching } from '../text/fold';
import { truncate } from '../text/truncate';

/**
 * The most names one argument may list. The taxonomy has a few dozen themes and regions; the name
 * query compares every name with every candidate's match keys, so 10,000 names (about 60 kB of
 * JSON) took Neo4j about 10 s: a cheap way to tie up the database without this cap.
 */
export const MAX_NAMES = 100;

/** Runs a query of names (`$names`: each as given and folded), after checking there are not too many. */
function readByNames(
  ctx: ReadContext,
  query: string,
  names: readonly string[],
  argumentName: string,
  params: Record<string, unknown> = {},
) {
  if (names.length > MAX_NAMES) {
    throw badUserInput(`"${argumentName}" may name at most ${MAX_NAMES} entities, not ${names.length}.`, argumentName);
  }
  const named = names.map((given) => ({ given, folded: foldForMatching(given) }));
  return ctx.db.read(cypher(query), { ...params, names: named }, ctx.queries);
}

export interface ResolvedName {
  entity: EntityModel;
  /** The entity's id and the ids of its sub-themes / sub-regions. */
  ids: string[];
}

/**
 * Resolves names that a client gave (slug, name, English name or alias, folded for case and
 * diacritics) to themes or regions, with their descendants. An unknown name is BAD_USER_INPUT
 * naming it; more than MAX_NAMES names is BAD_USER_INPUT too. One query for all names
 * (cypher/entitiesByName.cypher).
 */
export async function resolveNames(
  ctx: ReadContext,
  label: 'Theme' | 'Region' | 'Stage',
  names: readonly string[],
  argumentName: string,
): Promise<ResolvedName[]> {
  const rows = await readByNames(ctx, 'entitiesByName', names, argumentName, { label });
  const byName = new Map<string, ResolvedName>();
  for (const row of rows) {
    if (row.entity)
      byName.set(row.given as string, { entity: row.entity as EntityModel, ids: row.descendantIds as string[] });
  }
  return names.map((name) => {
    const resolved = byName.get(name);
    if (!resolved) {
      throw badUserInput(`No ${label.toLowerCase()} is called "${truncate(name)}".`, argumentName);
    }
    return resolved;
  });
}

/**
 * Resolves names to the ids of entities of any kind that they match (cypher/entitiesByAnyName.cypher);
 * an unknown name is BAD_USER_INPUT naming it.
 */
export async function resolveAnyNames(
  ctx: ReadContext,
  names: readonly string[],
  argumentName: string,
): Promise<string[]> {
  const rows = await readByNames(ctx, 'entitiesByAnyName', names, argumentName);
  const unknown = rows.find((row) => (row.ids as string[]).length === 0);
  if (unknown) {
    const given = unknown.given as string;
    throw badUserInput(`No entity is called "${truncate(given)}".`, argumentName);
  }
  return [...new Set(rows.flatMap((row) => row.ids as string[]))];
}
