import { filterParams, stageId } from '../../src/queries/filters';
import { graphFilterParams } from '../../src/queries/subgraph';
import { RecordingDatabase, recordingContext } from './recordingDatabase';

/** cypher/entitiesByName.cypher over a tiny taxonomy: a theme with a sub-theme, and one region. */
const TAXONOMY: Record<string, { id: string; descendantIds: string[] }> = {
  'life science': { id: 'life-science', descendantIds: ['life-science', 'medtech'] },
  skane: { id: 'region-skane', descendantIds: ['region-skane'] },
};
const db = () =>
  new RecordingDatabase((_query, params) =>
    (params.names as { given: string; folded: string }[]).map(({ given, folded }) => {
      const found = TAXONOMY[folded];
      return { given, entity: found ? { id: found.id } : null, descendantIds: found?.descendantIds ?? [] };
    }),
  );

test('stage ids are the CompanyStage lower-cased, with a hyphen', () => {
  expect(stageId('PRE_SEED')).toBe('pre-seed');
  expect(stageId('SCALE_UP')).toBe('scale-up');
  expect(stageId('STARTUP')).toBe('startup');
});

test('no filter restricts nothing and runs no query', async () => {
  const recording = db();
  expect(await filterParams(recordingContext(recording), null)).toEqual({
    kinds: null,
    themeIds: null,
    regionIds: null,
    stageIds: null,
  });
  expect(recording.calls).toEqual([]);
});

test('an actor filter: kinds lower-cased, names folded and resolved with their descendants, stages as ids', async () => {
  const recording = db();
  const params = await filterParams(recordingContext(recording), {
    kinds: ['UNIVERSITY', 'COMPANY'],
    themes: ['Life  Science'],
    regions: ['Skåne'],
    stages: ['PRE_SEED', 'STARTUP'],
  });
  expect(params).toEqual({
    kinds: ['university', 'company'],
    themeIds: ['life-science', 'medtech'],
    regionIds: ['region-skane'],
    stageIds: ['pre-seed', 'startup'],
  });
  expect(recording.calls).toEqual([
    {
      query: 'entitiesByName',
      params: { label: 'Theme', names: [{ given: 'Life  Science', folded: 'life science' }] },
    },
    { query: 'entitiesByName', params: { label: 'Region', names: [{ given: 'Skåne', folded: 'skane' }] } },
  ]);
});

test('an unknown theme is reported before an unknown region, naming the argument', async () => {
  await expect(
    filterParams(recordingContext(db()), { themes: ['Alchemy'], regions: ['Atlantis'] }),
  ).rejects.toMatchObject({
    message: 'No theme is called "Alchemy".',
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.themes' },
  });
  await expect(filterParams(recordingContext(db()), { regions: ['Atlantis'] })).rejects.toMatchObject({
    message: 'No region is called "Atlantis".',
    extensions: { argumentName: 'filter.regions' },
  });
});

test('a graph filter keeps node kinds as they are, and includes every named theme, region and stage', async () => {
  expect(
    await graphFilterParams(recordingContext(db()), {
      kinds: ['UNIVERSITY', 'THEME'],
      themes: ['life science'],
      regions: ['skane'],
      stages: ['SCALE_UP'],
    }),
  ).toEqual({
    nodeKinds: ['UNIVERSITY', 'THEME'],
    kinds: null,
    themeIds: ['life-science', 'medtech'],
    regionIds: ['region-skane'],
    stageIds: ['scale-up'],
    namedIds: ['life-science', 'medtech', 'region-skane', 'scale-up'],
  });
});
