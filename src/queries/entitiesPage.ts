import type { ReadContext } from '../context';
import { cursorKind } from '../graphql/pagination';
import type { EntityConnectionModel, SourceConnectionModel, SourceModel } from '../models';
import type { InitiativeKind } from '../generated/graphql';
import type { EntityLabel } from '../seed/model';
import { keysetConnection, nameOrder, type PageArgs } from './connections';
import { resolveAnyNames } from './resolveNames';

/**
 * A page of the entities of one label in name order (cypher/entitiesPage.cypher). `label` comes
 * from the resolver, never from input. The cursor is tagged with the label, so that a cursor of
 * one list is refused by another.
 */
export function entitiesPage(
  ctx: ReadContext,
  label: Exclude<EntityLabel, 'Actor' | 'Initiative'>,
  args: PageArgs,
): Promise<EntityConnectionModel> {
  return keysetConnection(ctx, args, {
    ...nameOrder(ctx, label.toLowerCase(), 'entity'),
    query: { forward: 'entitiesPage', backward: 'entitiesPageDesc' },
    params: { label },
    count: { query: 'entitiesCount' },
  });
}

/** A page of the source documents in file-name order (cypher/sourcesPage.cypher). */
export function sourcesPage(ctx: ReadContext, args: PageArgs): Promise<SourceConnectionModel> {
  return keysetConnection(ctx, args, {
    cursor: cursorKind('sources', ['string']),
    query: { forward: 'sourcesPage', backward: 'sourcesPageDesc' },
    params: {},
    // A backward read without a cursor starts past every file name.
    position: (from, direction) => ({ fromId: from?.[0] ?? (direction === 'forward' ? '' : '\uffff') }),
    edge: (row) => ({ node: row.source as SourceModel }),
    sortValues: ({ node }) => [node.id],
    count: { query: 'sourcesCount' },
  });
}

/**
 * A page of initiatives in name order, filtered by kind and by funder
 * (cypher/initiativesPage.cypher). Funders are named like themes: slug, name or alias.
 */
export async function initiativesPage(
  ctx: ReadContext,
  args: PageArgs & { kinds?: readonly InitiativeKind[] | null; fundedBy?: readonly string[] | null },
): Promise<EntityConnectionModel> {
  const filter = {
    // The graph stores kinds in snake_case; the enum (which GraphQL has checked) is upper case.
    // Deduplicated: a list of 10,000 times PROJECT is checked against every row otherwise.
    kinds: args.kinds?.length ? [...new Set(args.kinds.map((k) => k.toLowerCase()))] : null,
    funderIds: args.fundedBy?.length ? await resolveAnyNames(ctx, args.fundedBy, 'fundedBy') : null,
  };
  return keysetConnection(ctx, args, {
    ...nameOrder(ctx, 'initiatives', 'entity'),
    query: { forward: 'initiativesPage', backward: 'initiativesPageDesc' },
    params: filter,
    count: { query: 'initiativesCount' },
  });
}
