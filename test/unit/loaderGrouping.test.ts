import { newQueryCounter } from '../../src/db/Database';
import { encodeCursor } from '../../src/graphql/pagination';
import { groupedLoader } from '../../src/loaders/batch';
import { relationshipCountsByEntity } from '../../src/loaders/relationshipCountsByEntity';
import { relationshipsByEntity, type RelationshipsKey } from '../../src/loaders/relationshipsByEntity';
import { FULL_RELATIONSHIP_PROJECTION } from '../../src/planner/projection';
import { RecordingDatabase } from './recordingDatabase';

/**
 * A page of relationships as cypher/relationshipsByEntity.cypher returns it for one entity: the
 * values of every property (no projection in the key), in the order of the property lists.
 */
function relationshipRows(id: string, others: string[]) {
  const { relProps, nodeProps } = FULL_RELATIONSHIP_PROJECTION;
  const values = (record: Record<string, unknown>, props: string[]) => props.map((prop) => record[prop] ?? null);
  return {
    id,
    relationships: others.map((other) => ({
      type: 'MEMBER_OF',
      direction: 'OUTGOING',
      props: values(
        { key: `${id}|MEMBER_OF|${other}|`, basis: 'STATED', sourceDocs: ['a.txt'], quotes: ['q'] },
        relProps,
      ),
      node: {
        label: 'Organisation',
        values: values({ id: other, sortKey: other.replace('-', ' '), name: other }, nodeProps),
      },
    })),
  };
}

/** Without a projection in the key, the loader reads every property. */
const FULL = FULL_RELATIONSHIP_PROJECTION;

const key = (id: string, args: Partial<RelationshipsKey> = {}): RelationshipsKey => ({
  id,
  types: null,
  direction: 'BOTH',
  bases: null,
  paging: 'forward',
  size: 2,
  from: null,
  ...args,
});

test('keys with equal arguments share one query; each group of arguments costs one', async () => {
  const db = new RecordingDatabase((_query, params) =>
    (params.ids as string[]).map((id) => relationshipRows(id, ['region-skane', 'lund-university', 'medicon-village'])),
  );
  const counter = newQueryCounter();
  const loader = relationshipsByEntity(db, counter);
  const pages = await Promise.all([
    loader.load(key('a')),
    loader.load(key('b')),
    // The same arguments, types in another order: the same group.
    loader.load(key('c', { types: ['OWNS', 'FUNDS'] })),
    loader.load(key('d', { types: ['FUNDS', 'OWNS'] })),
    loader.load(key('a', { size: 1 })),
  ]);
  expect(db.calls).toEqual([
    {
      query: 'relationshipsByEntity',
      params: {
        ids: ['a', 'b'],
        types: null,
        direction: 'BOTH',
        bases: null,
        labels: null,
        from: null,
        limit: 3,
        ...FULL,
      },
    },
    {
      query: 'relationshipsByEntity',
      params: {
        ids: ['c', 'd'],
        types: ['OWNS', 'FUNDS'],
        direction: 'BOTH',
        bases: null,
        labels: null,
        from: null,
        limit: 3,
        ...FULL,
      },
    },
    {
      query: 'relationshipsByEntity',
      params: { ids: ['a'], types: null, direction: 'BOTH', bases: null, labels: null, from: null, limit: 2, ...FULL },
    },
  ]);
  expect(counter).toEqual({ count: 3, names: Array(3).fill('relationshipsByEntity') });
  // Each key gets its own page, cut at its own size, with the edge cursors of the relationships list.
  expect(pages.map((page) => [page.edges.map((e) => e.node.id), page.hasMore])).toEqual([
    [['region-skane', 'lund-university'], true],
    [['region-skane', 'lund-university'], true],
    [['region-skane', 'lund-university'], true],
    [['region-skane', 'lund-university'], true],
    [['region-skane'], true],
  ]);
  expect(pages[1]!.edges[1]).toMatchObject({
    type: 'MEMBER_OF',
    direction: 'OUTGOING',
    basis: 'STATED',
    sourceDocs: ['a.txt'],
    cursor: encodeCursor('relationships', [
      'MEMBER_OF',
      'lund university',
      'lund-university',
      'b|MEMBER_OF|lund-university|',
    ]),
  });
});

test('a repeated key is loaded once, and an entity the query does not return gets an empty page', async () => {
  const db = new RecordingDatabase((_query, params) =>
    (params.ids as string[]).filter((id) => id !== 'gone').map((id) => relationshipRows(id, ['x'])),
  );
  const loader = relationshipsByEntity(db, newQueryCounter());
  const [first, again, gone] = await Promise.all([
    loader.load(key('a')),
    loader.load(key('a')),
    loader.load(key('gone')),
  ]);
  expect(db.calls.map((c) => c.params.ids)).toEqual([['a', 'gone']]);
  expect(again).toBe(first);
  expect(gone).toEqual({ edges: [], hasMore: false });
  // A later load of a cached key runs no query.
  await loader.load(key('a'));
  expect(db.calls).toHaveLength(1);
});

test('relationship counts group by types, direction and bases, not by page size or position', async () => {
  const db = new RecordingDatabase((_query, params) =>
    (params.ids as string[]).map((id, i) => ({ id, count: 10 + i })),
  );
  const counter = newQueryCounter();
  const loader = relationshipCountsByEntity(db, counter);
  const counts = await Promise.all([
    loader.load({ id: 'a', types: null, direction: 'BOTH', bases: null }),
    loader.load({ id: 'b', types: null, direction: 'BOTH', bases: null }),
    loader.load({ id: 'a', types: null, direction: 'OUTGOING', bases: ['STATED', 'IMPLIED'] }),
    loader.load({ id: 'b', types: null, direction: 'OUTGOING', bases: ['IMPLIED', 'STATED'] }),
  ]);
  expect(db.calls).toEqual([
    {
      query: 'relationshipCountsByEntity',
      params: { ids: ['a', 'b'], types: null, direction: 'BOTH', bases: null, labels: null },
    },
    {
      query: 'relationshipCountsByEntity',
      params: { ids: ['a', 'b'], types: null, direction: 'OUTGOING', bases: ['STATED', 'IMPLIED'], labels: null },
    },
  ]);
  expect(counts).toEqual([10, 11, 10, 11]);
});

test('a labels filter (the typed fields) is part of the arguments: equal filters share one query, in any order', async () => {
  const db = new RecordingDatabase((_query, params) => (params.ids as string[]).map((id) => ({ id, count: 1 })));
  const loader = relationshipCountsByEntity(db, newQueryCounter());
  await Promise.all([
    loader.load({ id: 'a', types: ['FOCUSES_ON'], direction: 'OUTGOING', bases: null, labels: ['Theme', 'Actor'] }),
    loader.load({ id: 'b', types: ['FOCUSES_ON'], direction: 'OUTGOING', bases: null, labels: ['Actor', 'Theme'] }),
    loader.load({ id: 'a', types: ['FOCUSES_ON'], direction: 'OUTGOING', bases: null }),
  ]);
  expect(db.calls).toEqual([
    {
      query: 'relationshipCountsByEntity',
      params: {
        ids: ['a', 'b'],
        types: ['FOCUSES_ON'],
        direction: 'OUTGOING',
        bases: null,
        labels: ['Theme', 'Actor'],
      },
    },
    {
      query: 'relationshipCountsByEntity',
      params: { ids: ['a'], types: ['FOCUSES_ON'], direction: 'OUTGOING', bases: null, labels: null },
    },
  ]);
});

test('groupedLoader keeps key order across groups and gives missing keys their default', async () => {
  const loadCalls: [string[], string][] = [];
  const loader = groupedLoader<{ id: string; lang: string }, string>(
    (k) => k.lang,
    async (ids, { lang }) => {
      loadCalls.push([ids, lang]);
      return new Map(ids.filter((id) => id !== 'none').map((id) => [id, `${id}:${lang}`]));
    },
    () => '?',
  );
  const values = await loader.loadMany([
    { id: 'x', lang: 'sv' },
    { id: 'y', lang: 'en' },
    { id: 'none', lang: 'sv' },
    { id: 'x', lang: 'en' },
  ]);
  expect(loadCalls).toEqual([
    [['x', 'none'], 'sv'],
    [['y', 'x'], 'en'],
  ]);
  expect(values).toEqual(['x:sv', 'y:en', '?', 'x:en']);
});

test('a backward read runs the reverse query before the position and gives the page back in list order', async () => {
  const db = new RecordingDatabase((_query, params) =>
    // The reverse query returns the rows nearest the position first: descending.
    (params.ids as string[]).map((id) => relationshipRows(id, ['medicon-village', 'lund-university', 'region-skane'])),
  );
  const loader = relationshipsByEntity(db, newQueryCounter());
  const from: RelationshipsKey['from'] = ['MEMBER_OF', 'region skane', 'region-skane', 'a|MEMBER_OF|region-skane|'];
  const [page, probe] = await Promise.all([
    loader.load(key('a', { paging: 'backward', size: 2, from })),
    loader.load(key('a', { paging: 'forward', size: 0, from })),
  ]);
  expect(db.calls).toEqual([
    {
      query: 'relationshipsByEntityReverse',
      params: { ids: ['a'], types: null, direction: 'BOTH', bases: null, labels: null, from, limit: 3, ...FULL },
    },
    {
      query: 'relationshipsByEntity',
      params: { ids: ['a'], types: null, direction: 'BOTH', bases: null, labels: null, from, limit: 1, ...FULL },
    },
  ]);
  expect([page.edges.map((e) => e.node.id), page.hasMore]).toEqual([['lund-university', 'medicon-village'], true]);
  // A probe (size 0) reads one row: no edges, only whether any lie that way.
  expect(probe).toEqual({ edges: [], hasMore: true });
});
