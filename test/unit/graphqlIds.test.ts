import { GraphQLError } from 'graphql';
import { fromGlobalId, toGlobalId } from '../../src/graphql/globalId';
import { checkFirst, decodeCursor, encodeCursor, pageOf } from '../../src/graphql/pagination';

test('global ids round-trip and are opaque', () => {
  const id = toGlobalId('Actor', 'lund-university');
  expect(id).not.toContain('lund');
  expect(fromGlobalId(id)).toEqual({ type: 'Actor', key: 'lund-university' });
  expect(fromGlobalId(toGlobalId('Source', '000_aefb97ef1588826a.txt'))).toEqual({
    type: 'Source',
    key: '000_aefb97ef1588826a.txt',
  });
});

test.each([
  ['not base64 !'],
  [''],
  [Buffer.from('Robot:x').toString('base64url')],
  [Buffer.from('Actor:').toString('base64url')],
  ['QWN0b3I6eA=='],
])('a malformed id %j is BAD_USER_INPUT', (bad) => {
  let error: unknown;
  try {
    fromGlobalId(bad);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
});

test('cursors round-trip, and a cursor of another list or shape is refused', () => {
  const cursor = encodeCursor('actors', ['lunds universitet', 'lund-university']);
  expect(decodeCursor(cursor, 'actors', ['string', 'string'])).toEqual(['lunds universitet', 'lund-university']);
  expect(() => decodeCursor(cursor, 'search', ['number', 'string'])).toThrow(/is not a valid cursor for this list\./);
  for (const bad of [
    '',
    'abc',
    Buffer.from('["k0","actors","a","b"]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ]) {
    expect(() => decodeCursor(bad, 'actors', ['string', 'string'])).toThrow(/is not a valid cursor for this list\./);
  }
});

test('first must be from 1 to the maximum', () => {
  expect(checkFirst(1, 100)).toBe(1);
  expect(checkFirst(100, 100)).toBe(100);
  expect(() => checkFirst(0, 100)).toThrow('"first" must be from 1 to 100, not 0.');
  expect(() => checkFirst(-3, 100)).toThrow('"first" must be from 1 to 100, not -3.');
});

test('pageOf cuts the look-ahead row', () => {
  expect(pageOf([1, 2, 3], 2)).toEqual({ items: [1, 2], hasNextPage: true });
  expect(pageOf([1, 2], 2)).toEqual({ items: [1, 2], hasNextPage: false });
});
