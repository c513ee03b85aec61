import { truncate } from '../text/truncate';
import { badUserInput } from './errors';

/**
 * Checks a page size (`first` or `last`, or `limit` where a field calls it so): BAD_USER_INPUT unless it is
 * from 1 to `max`. The largest page of a list is a setting (ApiSettings.limits.maxPageSize, on
 * the request's context); fields with a range of their own pass theirs.
 */
export function checkFirst(first: number, max: number, argumentName = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`"${argumentName}" must be from 1 to ${max}, not ${first}.`, argumentName);
  }
  return first;
}

/**
 * Keyset cursors: the sort values of an item, so that the next page (after it) or the previous
 * page (before it) starts with an index seek instead of skipping rows. Opaque base64url JSON, tagged with the list they belong to
 * ("actors", "relationships", ...) so that a cursor of one list is refused by another.
 *
 * The format is versioned (`k1`): clients keep cursors between requests and across releases, so a
 * change of format gets a new version and the old one is still read.
 */
export type CursorValue = string | number;
export type CursorValueType = 'string' | 'number';

/** The sort values that a cursor of `Shape` holds: `['number', 'string']` holds `[number, string]`. */
export type CursorValues<Shape extends readonly CursorValueType[]> = {
  -readonly [I in keyof Shape]: Shape[I] extends 'number' ? number : string;
};

/** The cursors of one list: the name that tags them and the types of the sort values they hold. */
export interface CursorKind<Shape extends readonly CursorValueType[] = readonly CursorValueType[]> {
  list: string;
  shape: Shape;
}

/** Declares the cursors of a list, e.g. `cursorKind('search', ['number', 'string'])` for [score, id]. */
export function cursorKind<const Shape extends readonly CursorValueType[]>(
  list: string,
  shape: Shape,
): CursorKind<Shape> {
  return { list, shape };
}

const CURSOR_VERSION = 'k1';

export function encodeCursor(list: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, list, ...values]), 'utf8').toString('base64url');
}

/** Decodes a cursor of `list` holding values of the given types; BAD_USER_INPUT otherwise. */
export function decodeCursor<const Shape extends readonly CursorValueType[]>(
  cursor: string,
  list: string,
  shape: Shape,
  argumentName = 'after',
): CursorValues<Shape> {
  try {
    if (!/^[A-Za-z0-9_-]{1,4000}$/.test(cursor)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === shape.length + 2 &&
      value[0] === CURSOR_VERSION &&
      value[1] === list &&
      shape.every((type, i) => typeof value[i + 2] === type)
    ) {
      return value.slice(2) as CursorValues<Shape>;
    }
  } catch {
    // Falls through to the error below: a cursor is ours, or it is rejected.
  }
  throw badUserInput(`"${truncate(cursor)}" is not a valid cursor for this list.`, argumentName);
}

/** Cuts the extra row that a query fetched (limit = first + 1) to tell whether more follow. */
export function pageOf<T>(rows: T[], first: number): { items: T[]; hasNextPage: boolean } {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}
