import type { GraphQLError } from 'graphql';
import { cursorKind, decodeCursor, encodeCursor } from '../../src/graphql/pagination';
import type { EntityModel } from '../../src/models';
import { actorsPage } from '../../src/queries/actorsPage';
import { keysetConnection, nameOrder, pageRequest } from '../../src/queries/connections';
import { sourcesPage } from '../../src/queries/entitiesPage';
import { search } from '../../src/queries/search';
import { RecordingDatabase, recordingContext } from './recordingDatabase';

const entity = (id: string, name = id): EntityModel =>
  ({ id, name, nameEn: name, sortKey: name.toLowerCase(), label: 'Theme' }) as EntityModel;

const themes = [entity('ai', 'AI'), entity('biotech', 'Biotech'), entity('cancer', 'Cancer')];

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

test('cursors held by clients today still decode: the k1 format is unchanged', () => {
  // Cursors as the API has handed them out (k1): they must keep working across releases.
  const actors = 'WyJrMSIsImFjdG9ycyIsImx1bmQgdW5pdmVyc2l0eSIsImx1bmQtdW5pdmVyc2l0eSJd';
  expect(Buffer.from(actors, 'base64url').toString()).toBe('["k1","actors","lund university","lund-university"]');
  expect(encodeCursor('actors', ['lund university', 'lund-university'])).toBe(actors);
  expect(decodeCursor(actors, 'actors', ['string', 'string'])).toEqual(['lund university', 'lund-university']);
  const searchCursor = Buffer.from('["k1","search",2.5,"lund-university"]').toString('base64url');
  expect(decodeCursor(searchCursor, 'search', ['number', 'string'])).toEqual([2.5, 'lund-university']);
});

test('an invalid cursor is BAD_USER_INPUT naming "after", and echoes at most 80 characters of it', () => {
  const long = 'x'.repeat(500);
  const error = errorOf(() => decodeCursor(long, 'actors', ['string', 'string']));
  expect(error.message).toBe(`"${'x'.repeat(77)}..." is not a valid cursor for this list.`);
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
});

test('pageRequest checks first against the page size of the request and decodes after', () => {
  const kind = cursorKind('search', ['number', 'string']);
  expect(pageRequest({ first: 5 }, kind, 10)).toEqual({ first: 5, after: null });
  expect(pageRequest({ first: 5, after: encodeCursor('search', [1.5, 'x']) }, kind, 10)).toEqual({
    first: 5,
    after: [1.5, 'x'],
  });
  expect(errorOf(() => pageRequest({ first: 11 }, kind, 10)).message).toBe('"first" must be from 1 to 10, not 11.');
  expect(errorOf(() => pageRequest({ first: 1, after: encodeCursor('actors', ['a', 'b']) }, kind, 10)).message).toMatch(
    /is not a valid cursor for this list\.$/,
  );
});

describe('keysetConnection', () => {
  const list = (db: RecordingDatabase, ctx = recordingContext(db)) => ({
    ...nameOrder(ctx, 'themes', 'entity'),
    query: 'entitiesPage',
    params: { label: 'Theme' },
    count: { query: 'entitiesCount' },
  });

  test('reads first + 1 rows from the start, cuts the page and gives each edge its cursor', async () => {
    const db = new RecordingDatabase((query) => (query === 'entitiesPage' ? themes.map((e) => ({ entity: e })) : []));
    const ctx = recordingContext(db);
    const page = await keysetConnection(ctx, { first: 2 }, list(db, ctx));
    expect(db.calls).toEqual([
      { query: 'entitiesPage', params: { label: 'Theme', fromKey: '', fromId: '', limit: 3 } },
    ]);
    expect(page.edges).toEqual([
      { node: themes[0], cursor: encodeCursor('themes', ['ai', 'ai']) },
      { node: themes[1], cursor: encodeCursor('themes', ['biotech', 'biotech']) },
    ]);
    expect(page.hasNextPage).toBe(true);
    expect(page.hasPreviousPage).toBe(false);
  });

  test('starts after the cursor, says there is a previous page, and primes the loader with each node', async () => {
    const db = new RecordingDatabase((query) => (query === 'entitiesPage' ? [{ entity: themes[2] }] : []));
    const ctx = recordingContext(db);
    const page = await keysetConnection(
      ctx,
      { first: 2, after: encodeCursor('themes', ['biotech', 'biotech']) },
      list(db, ctx),
    );
    expect(db.calls[0]!.params).toEqual({ label: 'Theme', fromKey: 'biotech', fromId: 'biotech', limit: 3 });
    expect(page.hasNextPage).toBe(false);
    expect(page.hasPreviousPage).toBe(true);
    expect(await ctx.loaders.entitiesById.load('cancer')).toBe(themes[2]);
    expect(db.calls).toHaveLength(1);
  });

  test('counts only when asked, once however often asked, with the list parameters', async () => {
    const db = new RecordingDatabase((query) => (query === 'entitiesCount' ? [{ count: 42 }] : []));
    const page = await keysetConnection(recordingContext(db), { first: 1 }, list(db));
    expect(db.calls.map((c) => c.query)).toEqual(['entitiesPage']);
    expect(await page.count()).toBe(42);
    expect(await page.count()).toBe(42);
    expect(db.calls.slice(1)).toEqual([{ query: 'entitiesCount', params: { label: 'Theme' } }]);
  });

  test('a cursor of another list is refused before any query runs', async () => {
    const db = new RecordingDatabase();
    await expect(
      keysetConnection(recordingContext(db), { first: 1, after: encodeCursor('regions', ['a', 'a']) }, list(db)),
    ).rejects.toThrow(/is not a valid cursor for this list\./);
    expect(db.calls).toEqual([]);
  });
});

test('actors in descending order start past every name, and their cursor carries [sortKey, id]', async () => {
  const db = new RecordingDatabase((query) => (query === 'actorsPageDesc' ? [{ actor: themes[2] }] : []));
  const page = await actorsPage(recordingContext(db), { first: 5, orderBy: 'NAME_DESC' });
  expect(db.calls).toEqual([
    {
      query: 'actorsPageDesc',
      params: {
        kinds: null,
        themeIds: null,
        regionIds: null,
        stageIds: null,
        fromKey: '\uffff',
        fromId: '\uffff',
        limit: 6,
      },
    },
  ]);
  expect(page.edges[0]!.cursor).toBe(encodeCursor('actors', ['cancer', 'cancer']));
});

test('search pages by [score, id] and keeps the score on the edge', async () => {
  const db = new RecordingDatabase((query) =>
    query === 'search'
      ? [
          { entity: themes[0], score: 3.5 },
          { entity: themes[1], score: 1.25 },
        ]
      : [],
  );
  const page = await search(recordingContext(db), {
    query: 'Cancer',
    kinds: ['THEME'],
    first: 1,
    after: encodeCursor('search', [4, 'x']),
  });
  expect(db.calls).toEqual([
    {
      query: 'search',
      params: {
        lucene: '(cancer^3 OR cancer* OR cancer~1)',
        labels: ['Theme'],
        afterScore: 4,
        afterId: 'x',
        limit: 2,
      },
    },
  ]);
  expect(page.edges).toEqual([{ node: themes[0], score: 3.5, cursor: encodeCursor('search', [3.5, 'ai']) }]);
  expect(page.hasNextPage).toBe(true);
});

test('sources page by file name, from "" on the first page', async () => {
  const db = new RecordingDatabase(() => [{ source: { id: 'a.txt' } }]);
  const page = await sourcesPage(recordingContext(db), { first: 3 });
  expect(db.calls).toEqual([{ query: 'sourcesPage', params: { fromId: '', limit: 4 } }]);
  expect(page.edges).toEqual([{ node: { id: 'a.txt' }, cursor: encodeCursor('sources', ['a.txt']) }]);
});

test('the page size comes from the request context (MEDICON_MAX_FIRST), not from the module', async () => {
  const db = new RecordingDatabase();
  await expect(sourcesPage(recordingContext(db, 5), { first: 6 })).rejects.toThrow(
    '"first" must be from 1 to 5, not 6.',
  );
  await expect(sourcesPage(recordingContext(db, 500), { first: 500 })).resolves.toMatchObject({ edges: [] });
});
