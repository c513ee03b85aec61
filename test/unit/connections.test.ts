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
  expect(pageRequest({ first: 5 }, kind, 10)).toEqual({ direction: 'forward', size: 5, from: null });
  expect(pageRequest({ first: 5, after: encodeCursor('search', [1.5, 'x']) }, kind, 10)).toEqual({
    direction: 'forward',
    size: 5,
    from: [1.5, 'x'],
  });
  expect(errorOf(() => pageRequest({ first: 11 }, kind, 10)).message).toBe('"first" must be from 1 to 10, not 11.');
  expect(errorOf(() => pageRequest({ first: 1, after: encodeCursor('actors', ['a', 'b']) }, kind, 10)).message).toMatch(
    /is not a valid cursor for this list\.$/,
  );
});

describe('keysetConnection', () => {
  const list = (db: RecordingDatabase, ctx = recordingContext(db)) => ({
    ...nameOrder(ctx, 'themes', 'entity'),
    query: { forward: 'entitiesPage', backward: 'entitiesPageDesc' },
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

  test('starts after the cursor, probes before it for a previous page, and primes the loader with each node', async () => {
    const db = new RecordingDatabase((query) =>
      query === 'entitiesPage' ? [{ entity: themes[2] }] : query === 'entitiesPageDesc' ? [{ entity: themes[0] }] : [],
    );
    const ctx = recordingContext(db);
    const page = await keysetConnection(
      ctx,
      { first: 2, after: encodeCursor('themes', ['biotech', 'biotech']) },
      list(db, ctx),
    );
    expect(db.calls).toEqual([
      { query: 'entitiesPage', params: { label: 'Theme', fromKey: 'biotech', fromId: 'biotech', limit: 3 } },
      // The probe: one row the other way from the cursor.
      { query: 'entitiesPageDesc', params: { label: 'Theme', fromKey: 'biotech', fromId: 'biotech', limit: 1 } },
    ]);
    expect(page.edges.map((e) => e.node)).toEqual([themes[2]]);
    expect(page.hasNextPage).toBe(false);
    expect(page.hasPreviousPage).toBe(true);
    expect(await ctx.loaders.entitiesById.load('cancer')).toBe(themes[2]);
    expect(db.calls).toHaveLength(2);
  });

  test('hasPreviousPage is false after a cursor with nothing before it (not just "an after was given")', async () => {
    const db = new RecordingDatabase((query) => (query === 'entitiesPage' ? [{ entity: themes[1] }] : []));
    const page = await keysetConnection(
      recordingContext(db),
      // A cursor that sorts before every theme (its item deleted since, or kept from an older list).
      { first: 1, after: encodeCursor('themes', ['a', 'a']) },
      list(db),
    );
    expect(page.edges.map((e) => e.node)).toEqual([themes[1]]);
    expect(page.hasPreviousPage).toBe(false);
    expect(page.hasNextPage).toBe(false);
  });

  test("the cursor's own item is before the page: a second probe, from the page's first edge, finds it", async () => {
    const db = new RecordingDatabase((query, params) =>
      // Before the cursor (ai) nothing; before biotech, ai itself.
      query === 'entitiesPage'
        ? [{ entity: themes[1] }]
        : query === 'entitiesPageDesc' && params.fromId === 'biotech'
          ? [{ entity: themes[0] }]
          : [],
    );
    const page = await keysetConnection(
      recordingContext(db),
      { first: 1, after: encodeCursor('themes', ['ai', 'ai']) },
      list(db),
    );
    expect(db.calls.map((c) => [c.query, c.params.fromId, c.params.limit])).toEqual([
      ['entitiesPage', 'ai', 2],
      ['entitiesPageDesc', 'ai', 1],
      ['entitiesPageDesc', 'biotech', 1],
    ]);
    expect(page.edges.map((e) => e.node)).toEqual([themes[1]]);
    expect(page.hasPreviousPage).toBe(true);
  });

  test('last without before reads the reverse query from the end and gives the page in list order', async () => {
    // The reverse query returns the rows nearest the end first: cancer, biotech, then the extra row ai.
    const db = new RecordingDatabase((query) =>
      query === 'entitiesPageDesc' ? [...themes].reverse().map((e) => ({ entity: e })) : [],
    );
    const page = await keysetConnection(recordingContext(db), { last: 2 }, list(db));
    expect(db.calls).toEqual([
      { query: 'entitiesPageDesc', params: { label: 'Theme', fromKey: '\uffff', fromId: '\uffff', limit: 3 } },
    ]);
    expect(page.edges).toEqual([
      { node: themes[1], cursor: encodeCursor('themes', ['biotech', 'biotech']) },
      { node: themes[2], cursor: encodeCursor('themes', ['cancer', 'cancer']) },
    ]);
    expect(page.hasPreviousPage).toBe(true);
    expect(page.hasNextPage).toBe(false);
  });

  test('last with before reads before the cursor and probes after it for a next page', async () => {
    const db = new RecordingDatabase((query) =>
      query === 'entitiesPageDesc' ? [{ entity: themes[0] }] : query === 'entitiesPage' ? [{ entity: themes[2] }] : [],
    );
    const page = await keysetConnection(
      recordingContext(db),
      { last: 2, before: encodeCursor('themes', ['biotech', 'biotech']) },
      list(db),
    );
    expect(db.calls).toEqual([
      { query: 'entitiesPageDesc', params: { label: 'Theme', fromKey: 'biotech', fromId: 'biotech', limit: 3 } },
      { query: 'entitiesPage', params: { label: 'Theme', fromKey: 'biotech', fromId: 'biotech', limit: 1 } },
    ]);
    expect(page.edges.map((e) => e.node)).toEqual([themes[0]]);
    expect(page.hasPreviousPage).toBe(false);
    expect(page.hasNextPage).toBe(true);
  });

  test('last with before at the end of the list: no next page when nothing lies after the cursor', async () => {
    const db = new RecordingDatabase((query) =>
      query === 'entitiesPageDesc' ? [{ entity: themes[1] }, { entity: themes[0] }] : [],
    );
    const page = await keysetConnection(
      recordingContext(db),
      { last: 1, before: encodeCursor('themes', ['cancer', 'cancer']) },
      list(db),
    );
    expect(page.edges.map((e) => e.node)).toEqual([themes[1]]);
    expect(page.hasPreviousPage).toBe(true);
    expect(page.hasNextPage).toBe(false);
  });

  test('counts only when asked, once however often asked, with the list parameters', async () => {
    const db = new RecordingDatabase((query) => (query === 'entitiesCount' ? [{ count: 42 }] : []));
    const page = await keysetConnection(recordingContext(db), { first: 1 }, list(db));
    expect(db.calls.map((c) => c.query)).toEqual(['entitiesPage']);
    expect(await page.count()).toBe(42);
    expect(await page.count()).toBe(42);
    expect(db.calls.slice(1)).toEqual([{ query: 'entitiesCount', params: { label: 'Theme' } }]);
  });

  test('a "before" cursor of another list is refused naming "before", before any query runs', async () => {
    const db = new RecordingDatabase();
    await expect(
      keysetConnection(recordingContext(db), { last: 1, before: encodeCursor('regions', ['a', 'a']) }, list(db)),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'before' } });
    expect(db.calls).toEqual([]);
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
        fromScore: 4,
        fromId: 'x',
        limit: 2,
      },
    },
    // The probe for a previous page: one row ranked before the cursor.
    {
      query: 'searchReverse',
      params: { lucene: '(cancer^3 OR cancer* OR cancer~1)', labels: ['Theme'], fromScore: 4, fromId: 'x', limit: 1 },
    },
    // None there: the second probe, from the page's first edge, which would find the cursor's own item.
    {
      query: 'searchReverse',
      params: {
        lucene: '(cancer^3 OR cancer* OR cancer~1)',
        labels: ['Theme'],
        fromScore: 3.5,
        fromId: 'ai',
        limit: 1,
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

describe('pageRequest both ways', () => {
  const kind = cursorKind('actors', ['string', 'string']);
  const cursor = encodeCursor('actors', ['b', 'b']);

  test('last with before is a backward request from the cursor', () => {
    expect(pageRequest({ last: 3 }, kind, 10)).toEqual({ direction: 'backward', size: 3, from: null });
    expect(pageRequest({ last: 3, before: cursor }, kind, 10)).toEqual({
      direction: 'backward',
      size: 3,
      from: ['b', 'b'],
    });
    // null is the same as not given (a client's variables often say null).
    expect(pageRequest({ first: null, after: null, last: 2, before: null }, kind, 10)).toEqual({
      direction: 'backward',
      size: 2,
      from: null,
    });
  });

  test('first and last together, neither, or a cursor of the other direction are BAD_USER_INPUT', () => {
    const both = errorOf(() => pageRequest({ first: 1, last: 1 }, kind, 10));
    expect(both.message).toBe(
      '"first" and "last" cannot be given together: page forward with "first" or backward with "last".',
    );
    expect(both.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'last' });
    const neither = errorOf(() => pageRequest({ first: null, after: cursor }, kind, 10));
    expect(neither.message).toBe('"first" or "last" is required, from 1 to 10.');
    expect(neither.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(errorOf(() => pageRequest({ last: 1, after: cursor }, kind, 10)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argumentName: 'after',
    });
    expect(errorOf(() => pageRequest({ first: 1, before: cursor }, kind, 10)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argumentName: 'before',
    });
  });

  test('last is checked from 1 to the page size, naming "last"', () => {
    for (const last of [0, 11, -1]) {
      const error = errorOf(() => pageRequest({ last }, kind, 10));
      expect(error.message).toBe(`"last" must be from 1 to 10, not ${last}.`);
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'last' });
    }
  });
});

test('actors in descending order page backward through the ascending query, from the start of the names', async () => {
  // Backward in NAME_DESC is toward the names that sort first: the ascending query, from "".
  const db = new RecordingDatabase((query) =>
    query === 'actorsPage' ? [{ actor: themes[0] }, { actor: themes[1] }] : [],
  );
  const page = await actorsPage(recordingContext(db), { last: 5, orderBy: 'NAME_DESC' });
  expect(db.calls).toEqual([
    {
      query: 'actorsPage',
      params: { kinds: null, themeIds: null, regionIds: null, stageIds: null, fromKey: '', fromId: '', limit: 6 },
    },
  ]);
  // Put back in the list's (descending) order.
  expect(page.edges.map((e) => e.node.id)).toEqual(['biotech', 'ai']);
  expect(page.hasPreviousPage).toBe(false);
  expect(page.hasNextPage).toBe(false);
});

test('search pages backward through searchReverse from the lowest score', async () => {
  const db = new RecordingDatabase((query) =>
    query === 'searchReverse'
      ? [
          { entity: themes[1], score: 1.25 },
          { entity: themes[0], score: 3.5 },
        ]
      : [],
  );
  const page = await search(recordingContext(db), { query: 'Cancer', last: 2 });
  expect(db.calls).toEqual([
    {
      query: 'searchReverse',
      params: { lucene: '(cancer^3 OR cancer* OR cancer~1)', labels: null, fromScore: null, fromId: null, limit: 3 },
    },
  ]);
  expect(page.edges.map((e) => [e.node.id, e.score])).toEqual([
    ['ai', 3.5],
    ['biotech', 1.25],
  ]);
  expect(page.hasPreviousPage).toBe(false);
});

test('sources page backward from past every file name', async () => {
  const db = new RecordingDatabase(() => [{ source: { id: 'b.txt' } }, { source: { id: 'a.txt' } }]);
  const page = await sourcesPage(recordingContext(db), { last: 1 });
  expect(db.calls).toEqual([{ query: 'sourcesPageDesc', params: { fromId: '\uffff', limit: 2 } }]);
  expect(page.edges).toEqual([{ node: { id: 'b.txt' }, cursor: encodeCursor('sources', ['b.txt']) }]);
  expect(page.hasPreviousPage).toBe(true);
});
