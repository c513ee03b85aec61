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
import { badUserInput } from '../graphql/errors';

/**
 * The one keyset connection builder of the API: every list (actors, entities, initiatives,
 * sources, search, supporters, the audit trail, and an entity's relationships through its loader)
 * is paged here, so that paging rules change in one place.
 *
 * A page is read as: check the page size, decode the cursor into the sort values it holds, read
 * `size + 1` rows positioned after them (the extra row says whether more follow), cut the page,
 * give each edge the cursor of its own sort values, and count the whole list only when asked.
 *
 * Backward paging (`last`/`before`) reads the list's reverse query: the rows before the cursor in
 * the reverse order of the keys, so that it is the same bounded index walk as a forward page; the
 * builder then puts the page back in list order. The extra row of a backward read says whether a
 * previous page exists. The other side of the page is asked for by a probe (keysetPage): the
 * opposite query, limited to one row, so that `hasPreviousPage` on a forward page and
 * `hasNextPage` on a backward page are exact too, not just "a cursor was given" (the items before
 * `after` may have been deleted, a cursor may be kept from an older list).
 */

type Params = Record<string, unknown>;

/**
 * The paging arguments of a connection field: `first` (with `after`) or `last` (with `before`);
 * null is the same as not given.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Which way a read walks a list: in its order (`first`/`after`), or in reverse (`last`/`before`). */
export type PageDirection = 'forward' | 'backward';

/**
 * A checked page request: its size, its direction, and the sort values of the cursor it starts
 * from (after it when forward, before it when backward; null: from that end of the list).
 */
export interface PageRequest<Values> {
  direction: PageDirection;
  size: number;
  from: Values | null;
}

/** The other direction. */
export const opposite = (direction: PageDirection): PageDirection => (direction === 'forward' ? 'backward' : 'forward');

/**
 * Checks the paging arguments and decodes the cursor as one of `cursor`'s list: exactly one of
 * `first` and `last`, from 1 to `maxPageSize`; `after` only with `first`, `before` only with
 * `last` (a page bounded on both sides is not offered). BAD_USER_INPUT naming the argument
 * otherwise.
 */
export function pageRequest<const Shape extends readonly CursorValueType[]>(
  args: PageArgs,
  cursor: CursorKind<Shape>,
  maxPageSize: number,
): PageRequest<CursorValues<Shape>> {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw badUserInput(
      '"first" and "last" cannot be given together: page forward with "first" or backward with "last".',
      'last',
    );
  }
  if (last != null) {
    if (after) throw badUserInput('"after" goes with "first": page backward from a cursor with "before".', 'after');
    return {
      direction: 'backward',
      size: checkFirst(last, maxPageSize, 'last'),
      from: before ? decodeCursor(before, cursor.list, cursor.shape, 'before') : null,
    };
  }
  if (first == null) {
    throw badUserInput(`"first" or "last" is required, from 1 to ${maxPageSize}.`, 'first');
  }
  if (before) throw badUserInput('"before" goes with "last": page forward from a cursor with "after".', 'before');
  return {
    direction: 'forward',
    size: checkFirst(first, maxPageSize),
    from: after ? decodeCursor(after, cursor.list, cursor.shape) : null,
  };
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

/**
 * One page of edges from the `size + 1` rows of a read in `direction`: the `size` rows nearest the
 * cursor, in list order (a backward read is reversed), with their cursors, and whether the read
 * found more beyond them.
 */
export function edgesOf<Shape extends readonly CursorValueType[], R, E extends { node: unknown }>(
  rows: R[],
  size: number,
  reader: EdgeReader<Shape, R, E>,
  direction: PageDirection = 'forward',
): { edges: (E & { cursor: string })[]; hasMore: boolean } {
  const { items, hasNextPage } = pageOf(rows, size);
  if (direction === 'backward') items.reverse();
  return { edges: items.map((row) => edgeOf(row, reader)), hasMore: hasNextPage };
}

/**
 * Reads the page of `size` items of a list in `direction` from the cursor values `from` (null:
 * from that end), reading one row more to tell whether more follow (edgesOf).
 */
export type ReadPage<Values, Edge> = (
  direction: PageDirection,
  from: Values | null,
  size: number,
) => Promise<{ edges: Edge[]; hasMore: boolean }>;

/**
 * One page as `request` asks for it, with exact page info both ways: the extra row of the read
 * says whether more lie in its direction; a probe (a read of size 0, that is of one row, the other
 * way) says whether any lie before the page on the cursor's side. The probe runs from the cursor,
 * beside the page read; only if it finds nothing while the page has edges does a second probe run,
 * from the page's edge nearest the cursor, because the cursor's own item (if it still exists) lies
 * between the two. For an empty page, what lies beyond the cursor is what a read the other way
 * from the same cursor finds. Without a cursor, the page starts at an end of the list and nothing
 * lies beyond it.
 */
export async function keysetPage<Shape extends readonly CursorValueType[], Edge extends { cursor: string }>(
  request: PageRequest<CursorValues<Shape>>,
  cursor: CursorKind<Shape>,
  readPage: ReadPage<CursorValues<Shape>, Edge>,
): Promise<{ edges: Edge[]; hasNextPage: boolean; hasPreviousPage: boolean }> {
  const { direction, size, from } = request;
  const probe = async (values: CursorValues<Shape>) => (await readPage(opposite(direction), values, 0)).hasMore;
  const [{ edges, hasMore }, beyondCursor] = await Promise.all([
    readPage(direction, from, size),
    from === null ? false : probe(from),
  ]);
  const nearest = direction === 'forward' ? edges[0] : edges.at(-1);
  const beyondPage =
    beyondCursor ||
    (from !== null && nearest !== undefined && (await probe(decodeCursor(nearest.cursor, cursor.list, cursor.shape))));
  return direction === 'forward'
    ? { edges, hasNextPage: hasMore, hasPreviousPage: beyondPage }
    : { edges, hasNextPage: beyondPage, hasPreviousPage: hasMore };
}

/** A keyset-paged list: its cursors, its page and count queries, and how to read its rows. */
export interface KeysetList<
  Shape extends readonly CursorValueType[],
  E extends { node: { id: string } },
> extends EdgeReader<Shape, Row, E> {
  /**
   * The named queries (cypher/) of a page: `forward` reads the list in its order after the
   * position, `backward` in the reverse order before it. Each takes `params`, the `position` and
   * `$limit`.
   */
  query: Record<PageDirection, string>;
  /** The list's own parameters (filters), already checked. */
  params: Params;
  /**
   * The parameters that position a read in `direction` at the item with sort values `from`
   * (after it forward, before it backward; null: from the start, or from the end backward).
   */
  position: (from: CursorValues<Shape> | null, direction: PageDirection) => Params;
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
  const request = pageRequest(args, list.cursor, ctx.maxPageSize);
  const page = await keysetPage(request, list.cursor, async (direction, from, size) => {
    const params = { ...list.params, ...list.position(from, direction), limit: size + 1 };
    return edgesOf(await ctx.db.read(cypher(list.query[direction]), params, ctx.queries), size, list, direction);
  });
  for (const { node } of page.edges) list.prime?.prime(node.id, node);
  return { ...page, count: lazyCount(ctx, list.count.query, list.count.params ?? list.params) };
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

/** Sorts after every folded name: where a descending walk starts. */
const END_OF_NAMES = '\uffff';

/**
 * The reading of a list of entities in name order (actors, the entities of a label,
 * initiatives): the entity is the row's `column`, its cursor holds [sortKey, id], a read starts
 * after them (ascending) or before them (descending) at `fromKey`/`fromId`, and each entity is
 * primed in entitiesById. `descending` says the list itself is in descending name order (actors
 * by NAME_DESC): then its forward reads descend and its backward reads ascend. A read without a
 * cursor starts at "" ascending and past every name descending.
 */
export function nameOrder(
  ctx: ReadContext,
  list: string,
  column: string,
  descending = false,
): Omit<KeysetList<typeof NAME_ORDER, { node: EntityModel }>, 'query' | 'params' | 'count'> {
  return {
    cursor: cursorKind(list, NAME_ORDER),
    edge: (row) => ({ node: row[column] as EntityModel }),
    sortValues: ({ node }) => [node.sortKey, node.id],
    position: (from, direction) => {
      const start = descending === (direction === 'forward') ? END_OF_NAMES : '';
      const [fromKey, fromId] = from ?? [start, start];
      return { fromKey, fromId };
    },
    prime: ctx.loaders.entitiesById,
  };
}
