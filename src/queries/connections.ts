import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';
import type { Row } from '../db/Database';
import {
  checkFirst,
  cursorKind,
  decodeCursor,
  encodeCursor,
  pageOf,
  type CursorKind,
  type CursorValues,
  type CursorValueType,
} from '../graphql/pagination';
import type { ConnectionModel, EntityModel } from '../models';

/**
 * The one keyset connection builder of the API: every list (actors, entities, initiatives,
 * sources, search, supporters, the audit trail, and an entity's relationships through its loader)
 * is paged here, so that paging rules change in one place.
 *
 * A page is read as: check `first`, decode the cursor into the sort values it holds, read
 * `first + 1` rows positioned after them (the extra row says whether more follow), cut the page,
 * give each edge the cursor of its own sort values, and count the whole list only when asked.
 *
 * Backward paging (`last`/`before`) belongs here too: `PageArgs` takes the two arguments,
 * `pageRequest` checks and decodes them into a request with a direction, `position` receives it so
 * that a list can seek the other way, and `keysetConnection` reverses the rows it reads and sets
 * `hasPreviousPage` from the extra row. No list then needs to change but its `position`.
 */

type Params = Record<string, unknown>;

/** The paging arguments of a connection field. */
export interface PageArgs {
  first: number;
  after?: string | null;
}

/** A checked page request: its size, and the sort values of the item it starts after (null: the start). */
export interface PageRequest<Values> {
  first: number;
  after: Values | null;
}

/**
 * Checks `first` (1 to `maxPageSize`) and decodes `after` as a cursor of `cursor`'s list;
 * BAD_USER_INPUT naming the argument otherwise.
 */
export function pageRequest<const Shape extends readonly CursorValueType[]>(
  args: PageArgs,
  cursor: CursorKind<Shape>,
  maxPageSize: number,
): PageRequest<CursorValues<Shape>> {
  const first = checkFirst(args.first, maxPageSize);
  const after = args.after ? decodeCursor(args.after, cursor.list, cursor.shape) : null;
  return { first, after };
}

/** How a list turns the rows of its query into edges, and the edges into cursors. */
export interface EdgeReader<Shape extends readonly CursorValueType[], R, E extends { node: unknown }> {
  cursor: CursorKind<Shape>;
  /** One row as an edge without its cursor: the node and whatever else the edge carries (a score). */
  edge: (row: R) => E;
  /** The sort values of the edge, in the list's order: what its cursor holds. */
  sortValues: (edge: E, row: R) => CursorValues<Shape>;
}

/** One row as an edge of `reader`'s list, with its cursor. */
export function edgeOf<Shape extends readonly CursorValueType[], R, E extends { node: unknown }>(
  row: R,
  reader: EdgeReader<Shape, R, E>,
): E & { cursor: string } {
  const edge = reader.edge(row);
  return { ...edge, cursor: encodeCursor(reader.cursor.list, reader.sortValues(edge, row)) };
}

/** One page of edges from `first + 1` rows: the first `first` with their cursors, and whether more follow. */
export function edgesOf<Shape extends readonly CursorValueType[], R, E extends { node: unknown }>(
  rows: R[],
  first: number,
  reader: EdgeReader<Shape, R, E>,
): { edges: (E & { cursor: string })[]; hasNextPage: boolean } {
  const { items, hasNextPage } = pageOf(rows, first);
  return { edges: items.map((row) => edgeOf(row, reader)), hasNextPage };
}

/** A keyset-paged list: its cursors, its page and count queries, and how to read its rows. */
export interface KeysetList<
  Shape extends readonly CursorValueType[],
  E extends { node: { id: string } },
> extends EdgeReader<Shape, Row, E> {
  /** The named query (cypher/) of a page: it takes `params`, the `position` and `$limit`. */
  query: string;
  /** The list's own parameters (filters), already checked. */
  params: Params;
  /** The parameters that start the page after the item with sort values `after` (null: the first page). */
  position: (after: CursorValues<Shape> | null) => Params;
  /** The named query that counts the whole list, with its parameters (default: `params`). */
  count: { query: string; params?: Params };
  /** The loader that should hold each node of the page (entitiesById), so that later loads of it cost nothing. */
  prime?: { prime(key: string, value: E['node']): unknown };
}

/**
 * Reads one page of `list` as `args` ask for it and returns it as a connection; the total is
 * counted only if the client selects it.
 */
export async function keysetConnection<Shape extends readonly CursorValueType[], E extends { node: { id: string } }>(
  ctx: ReadContext,
  args: PageArgs,
  list: KeysetList<Shape, E>,
): Promise<ConnectionModel<E & { cursor: string }>> {
  const { first, after } = pageRequest(args, list.cursor, ctx.maxPageSize);
  const rows = await ctx.db.read(
    cypher(list.query),
    { ...list.params, ...list.position(after), limit: first + 1 },
    ctx.queries,
  );
  const { edges, hasNextPage } = edgesOf(rows, first, list);
  for (const { node } of edges) list.prime?.prime(node.id, node);
  return {
    edges,
    hasNextPage,
    hasPreviousPage: after !== null,
    count: lazyCount(ctx, list.count.query, list.count.params ?? list.params),
  };
}

/** A connection whose total is counted by `countQuery` with `params`, only when asked. */
export function lazyCount(ctx: ReadContext, countQuery: string, params: Params): ConnectionModel<never>['count'] {
  let total: Promise<number> | undefined;
  return () => {
    total ??= ctx.db.read(cypher(countQuery), params, ctx.queries).then(([row]) => Number(row?.count ?? 0));
    return total;
  };
}

const NAME_ORDER = ['string', 'string'] as const;

/**
 * The reading of a list of entities in name order (actors, the entities of a label,
 * initiatives): the entity is the row's `column`, its cursor holds [sortKey, id], a page starts
 * after them at `fromKey`/`fromId` (the first page at `start`, which a descending walk sets past
 * every name), and each entity is primed in entitiesById.
 */
export function nameOrder(
  ctx: ReadContext,
  list: string,
  column: string,
  start = '',
): Omit<KeysetList<typeof NAME_ORDER, { node: EntityModel }>, 'query' | 'params' | 'count'> {
  return {
    cursor: cursorKind(list, NAME_ORDER),
    edge: (row) => ({ node: row[column] as EntityModel }),
    sortValues: ({ node }) => [node.sortKey, node.id],
    position: (after) => {
      const [fromKey, fromId] = after ?? [start, start];
      return { fromKey, fromId };
    },
    prime: ctx.loaders.entitiesById,
  };
}
