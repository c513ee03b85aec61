import { maxPageSizeFrom } from '../config';
import { badUserInput } from './errors';

/** The largest page a client may ask for: 100 unless MEDICON_MAX_FIRST says otherwise. */
export const MAX_PAGE_SIZE = maxPageSizeFrom(process.env);

/** Checks `first`: BAD_USER_INPUT unless it is from 1 to `max`. */
export function checkFirst(first: number, argumentName = 'first', max = MAX_PAGE_SIZE): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`"${argumentName}" must be from 1 to ${max}, not ${first}.`, argumentName);
  }
  return first;
}

/**
 * Keyset cursors: the sort values of the last item seen, so that the next page starts with an
 * index seek instead of skipping rows. Opaque base64url JSON, tagged with the list they belong to
 * ("actors", "relationships", ...) so that a cursor of one list is refused by another.
 */
export type CursorValue = string | number;

const CURSOR_VERSION = 'k1';

export function encodeCursor(list: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, list, ...values]), 'utf8').toString('base64url');
}

/** Decodes a cursor of `list` holding values of the given types; BAD_USER_INPUT otherwise. */
export function decodeCursor(
  cursor: string,
  list: string,
  shape: ('string' | 'number')[],
  argumentName = 'after',
): CursorValue[] {
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
      return value.slice(2) as CursorValue[];
    }
  } catch {
    // Falls through to the error below: a cursor is ours, or it is rejected.
  }
  const shown = cursor.length > 80 ? `${cursor.slice(0, 77)}...` : cursor;
  throw badUserInput(`"${shown}" is not a valid cursor for this list.`, argumentName);
}

/** Cuts the extra row that a query fetched (limit = first + 1) to tell whether more follow. */
export function pageOf<T>(rows: T[], first: number): { items: T[]; hasNextPage: boolean } {
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}
