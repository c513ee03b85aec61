import type { GraphQLResolveInfo } from 'graphql';
import type { ReadContext } from '../context';
import type { Row } from '../db/Database';
import type { ConnectionModel, EntityEdgeModel, EntityModel } from '../models';
import {
  edgesOf,
  lazyCount,
  nameOrder,
  pageRequest,
  type EdgeReader,
  type PageArgs,
  type PageRequest,
} from '../queries/connections';
import { directFilterParams, type FilterParams, type NamedFilter } from '../queries/filters';
import { MAX_NAMES } from '../queries/resolveNames';
import { foldForMatching } from '../text/fold';
import { SEARCH_CURSOR, searchEdges } from '../queries/search';
import type { CursorValueType, CursorValues } from '../graphql/pagination';
import { composeStatement, type RootCount } from './compose';
import { entityOf, entityProperties, type ProjectedEntity } from './projection';
import { connectionNodes, fieldsNamed, selectionOf } from './selection';
import { primeSlots, relationshipTypesOf, slotParams, slotsOf, type PlannedRelationshipRow } from './slots';

/**
 * A first page of a root list (`actors` in name order, `search`) read in one statement with its
 * count (when selected), the probe for hasPreviousPage (after a cursor), and the relationship
 * connections selected on its nodes (cypher/planner/). Only the properties the selection reads
 * are fetched, so the nodes are not put into entitiesById. Null when the request is not a shape
 * the planner covers; the caller then reads the list as before.
 */

interface PlannedPage {
  node: ProjectedEntity;
  extra: Record<string, unknown>;
  slots: PlannedRelationshipRow[][];
  counts: (number | null)[];
}

async function plannedPage<Shape extends readonly CursorValueType[], E extends { node: EntityModel }>(
  ctx: ReadContext,
  info: GraphQLResolveInfo,
  request: PageRequest<CursorValues<Shape>>,
  plan: {
    root: 'actors' | 'search';
    count: RootCount;
    /** The count query's parameters, should the count be asked for although it was not read. */
    countParams: () => Record<string, unknown>;
    params: Record<string, unknown>;
    /** Whether the statement's answer stands (else null: the caller reads the list as before). */
    check?: (row: Row) => boolean;
    reader: EdgeReader<Shape, Row, E>;
    /** How a planned row becomes the row the reader reads. */
    rowOf: (node: EntityModel, extra: Record<string, unknown>) => Row;
  },
): Promise<ConnectionModel<E & { cursor: string }> | null> {
  const tree = selectionOf(info);
  const nodes = connectionNodes(tree);
  const count = fieldsNamed(tree, 'totalCount').length > 0;
  const slots = slotsOf(nodes, ctx.maxPageSize);
  const nodeProps = entityProperties(nodes);
  const probe = request.from !== null;
  const statement = composeStatement(
    { root: plan.root, count: count ? plan.count : null, probe, slots: slots.map((slot) => slot.shape) },
    relationshipTypesOf(info.schema),
  );
  const params = { ...plan.params, nodeProps, limit: request.size + 1, ...slotParams(slots) };
  const [row] = await ctx.db.read(statement, params, ctx.queries);
  if (!row || (plan.check && !plan.check(row))) return null;
  const page = row.page as PlannedPage[];
  const rows = page.map((item) => {
    const node = entityOf(item.node, nodeProps);
    primeSlots(ctx, node.id, slots, item.slots, item.counts);
    return plan.rowOf(node, item.extra);
  });
  const { edges, hasMore } = edgesOf(rows, request.size, plan.reader, 'forward');
  const total = row.total as number | null;
  return {
    edges,
    hasNextPage: hasMore,
    hasPreviousPage: probe && row.before === true,
    count: total === null ? lazyCount(ctx, plan.count, plan.countParams()) : () => Promise.resolve(total),
  };
}

/**
 * `actors(first, after, filter)` in name order, planned, with the filter's theme and region names
 * resolved in the same statement (cypher/planner/actorFilter.cypher). Null for a backward page,
 * bad paging arguments, too many names, or a name that does not match exactly one entity: the
 * caller then reads the list as before, which reports those as it always did. Also returns the
 * filter's parameters, for the facets.
 */
export async function plannedActors(
  ctx: ReadContext,
  args: PageArgs,
  filter: NamedFilter | null | undefined,
  info: GraphQLResolveInfo,
): Promise<{ connection: ConnectionModel<EntityEdgeModel>; filter: FilterParams } | null> {
  const reader = nameOrder(ctx, 'actors', 'actor');
  let request: PageRequest<CursorValues<typeof reader.cursor.shape>>;
  try {
    request = pageRequest(args, reader.cursor, ctx.maxPageSize);
  } catch {
    return null;
  }
  if (request.direction !== 'forward') return null;
  const names = (given: readonly string[] | null | undefined) =>
    given?.length ? given.map((name) => ({ given: name, folded: foldForMatching(name) })) : null;
  const themeNames = names(filter?.themes);
  const regionNames = names(filter?.regions);
  if ((themeNames?.length ?? 0) > MAX_NAMES || (regionNames?.length ?? 0) > MAX_NAMES) return null;
  const direct = directFilterParams(filter);
  let resolved: FilterParams | undefined;
  const connection = await plannedPage(ctx, info, request, {
    root: 'actors',
    count: themeNames || regionNames ? 'actorsCountRelated' : 'actorsCount',
    params: { ...direct, themeNames, regionNames, ...reader.position(request.from, 'forward') },
    countParams: () => resolved!,
    reader,
    rowOf: (node) => ({ actor: node }),
    check: (row) => {
      if (!(row.nameMatches as number[]).every((matches) => matches === 1)) return false;
      resolved = { ...direct, themeIds: row.themeIds as string[] | null, regionIds: row.regionIds as string[] | null };
      return true;
    },
  });
  return connection && { connection, filter: resolved! };
}

/** The first page of `search`, planned; null for a page after or before a cursor. */
export async function plannedSearch(
  ctx: ReadContext,
  args: PageArgs,
  params: { lucene: string; labels: string[] | null },
  info: GraphQLResolveInfo,
) {
  const request = pageRequest(args, SEARCH_CURSOR, ctx.maxPageSize);
  if (request.direction !== 'forward' || request.from !== null) return null;
  return plannedPage(ctx, info, request, {
    root: 'search',
    count: 'searchCount',
    params: { ...params, fromScore: null, fromId: null },
    countParams: () => params,
    reader: searchEdges,
    rowOf: (node, extra) => ({ entity: node, score: extra.score }),
  });
}
