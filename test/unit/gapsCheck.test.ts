import fs from 'node:fs';
import path from 'node:path';
import { SeedValidationError } from '../../src/errors';
import { findGaps } from '../../src/gaps/findGaps';
import { parseExclusions, type Exclusions } from '../../src/gaps/loadExclusions';
import { loadSeedFiles, relationshipKey, type SeedData } from '../../src/seed/loadSeedFiles';
import type { EntityLabel, RelationshipType } from '../../src/seed/model';
import { removeTempDirs, tempDir } from '../tempDirs';

afterAll(removeTempDirs);

const DOC = 'a.txt';
const TEXT = [
  'Medeon och Medicon Valley Alliance arrangerar Medtech Summit i samarbete med BioStock.',
  'Lunds universitet driver Fordonsdalen tillsammans med Region Skane.',
  'Dent2Health drivs av Medeon och Folktandvarden Skane.',
  'Skane ar en del av Sverige, som finansierar forskning.',
].join('\n');

const origin = { file: 'seed/test.yaml', collection: 'actors' as const, index: 0 };
const cite = [{ doc: DOC, quote: 'Medeon' }];
function entity(id: string, name: string, label: EntityLabel = 'Actor', extra: { partOf?: string } = {}) {
  return { label, record: { id, name, nameEn: name, aliases: [], sources: cite, ...extra }, origin };
}
function relationship(from: string, type: RelationshipType, to: string, quote = 'arrangerar Medtech Summit') {
  return {
    from,
    type,
    to,
    basis: 'STATED' as const,
    sources: [{ doc: DOC, quote }],
    key: relationshipKey(from, type, to),
    origin,
  };
}

const data: SeedData = {
  sources: [],
  entities: [
    entity('medeon', 'Medeon'),
    entity('medicon-valley-alliance', 'Medicon Valley Alliance'),
    entity('medtech-summit', 'Medtech Summit', 'Initiative'),
    entity('biostock', 'BioStock'),
    entity('lund-university', 'Lunds universitet'),
    entity('region-skane', 'Region Skåne'),
    entity('dent2health', 'Dent2Health', 'Initiative'),
    entity('folktandvarden-skane', 'Folktandvården Skåne'),
    entity('sweden', 'Sverige', 'Region'),
    entity('skane', 'Skåne', 'Region', { partOf: 'sweden' }),
  ],
  relationships: [
    relationship('medeon', 'ARRANGES', 'medtech-summit'),
    relationship('medicon-valley-alliance', 'ARRANGES', 'medtech-summit'),
    relationship('biostock', 'PARTNER_IN', 'medtech-summit'),
    // Joins neither of the sentence's entities to the other, but quotes the sentence.
    relationship('lund-university', 'SUPPORTS', 'biostock', 'Lunds universitet driver Fordonsdalen'),
    relationship('medeon', 'LEADS', 'dent2health'),
  ],
  figures: [],
};

const none: Exclusions = { names: [], sentences: [] };
const check = (exclusions = none) => findGaps({ data, documents: [{ doc: DOC, text: TEXT }], exclusions });

test('lists the names no entity resolves, with document and line', () => {
  expect(check().documents[0]!.names).toEqual([
    {
      doc: DOC,
      line: 2,
      kind: 'capitalised',
      text: 'Fordonsdalen',
      sentence: 'Lunds universitet driver Fordonsdalen tillsammans med Region Skane.',
    },
  ]);
});

test('a relation sentence is explained by joins (derived ones too) or by a quote from it; the rest are gaps', () => {
  // Sentence 1: all joined through Medtech Summit. 2: a relationship quotes it. 4: Skåne is part of Sverige.
  expect(check().documents[0]!.sentences).toEqual([
    {
      doc: DOC,
      line: 3,
      cue: 'drivs',
      text: 'Dent2Health drivs av Medeon och Folktandvarden Skane.',
      entities: [
        { id: 'dent2health', name: 'Dent2Health' },
        { id: 'medeon', name: 'Medeon' },
        { id: 'folktandvarden-skane', name: 'Folktandvården Skåne' },
      ],
      unjoined: ['folktandvarden-skane'],
    },
  ]);
  expect(check().totals).toEqual({ names: 1, distinctNames: 1, sentences: 1, stale: 0, excluded: 0 });
});

test('exclusions leave out what they match; one that matches nothing is stale', () => {
  const exclusions = parseExclusions(
    [
      'names:',
      '  - { text: Fordonsdalen, doc: a.txt, reason: A test. }',
      '  - { text: Volvo, reason: Named nowhere. }',
      'sentences:',
      '  - { doc: a.txt, contains: "drivs av Medeon och Folktandvarden", reason: A test. }',
    ].join('\n'),
    'seed/exclusions.yaml',
    [DOC],
  );
  const report = check(exclusions);
  expect(report.documents[0]).toMatchObject({ names: [], sentences: [], excluded: { names: 1, sentences: 1 } });
  expect(report.stale).toEqual([
    {
      where: 'seed/exclusions.yaml: names[1] ("Volvo")',
      message: 'no unresolved name matches it any more: remove it.',
    },
  ]);
});

describe('parseExclusions', () => {
  const problems = (yaml: string, documents = [DOC]) => {
    try {
      parseExclusions(yaml, 'seed/exclusions.yaml', documents);
    } catch (error) {
      if (error instanceof SeedValidationError) return error.problems;
      throw error;
    }
    throw new Error('expected the exclusions to be rejected');
  };

  test('reads names and sentences, each knowing where it stands', () => {
    const parsed = parseExclusions(
      'names:\n  - text: Google Chrome\n    doc: a.txt\n    reason: Browser boilerplate.\nsentences: []\n',
      'seed/exclusions.yaml',
      [DOC],
    );
    expect(parsed).toEqual({
      names: [
        {
          text: 'Google Chrome',
          doc: DOC,
          reason: 'Browser boilerplate.',
          where: 'seed/exclusions.yaml: names[0] ("Google Chrome")',
        },
      ],
      sentences: [],
    });
    expect(parseExclusions('', 'seed/exclusions.yaml', [])).toEqual({ names: [], sentences: [] });
  });

  test('a bad entry is named with file, entry and field', () => {
    expect(
      problems(
        [
          'names:',
          '  - text: Google Chrome',
          '  - text: Twitter',
          '    doc: nowhere.txt',
          '    reason: Not in this document.',
          '  - text: X',
          '    colour: red',
          '    reason: Y',
          '  - text: Twitter',
          '    doc: nowhere.txt',
          '    reason: Again.',
          'sentences:',
          '  - doc: a.pdf',
          '    reason: ""',
        ].join('\n'),
      ),
    ).toEqual([
      'seed/exclusions.yaml: names[0] ("Google Chrome"), field "reason": is required.',
      'seed/exclusions.yaml: names[1] ("Twitter"), field "doc": there is no document "nowhere.txt" in seed/documents/.',
      'seed/exclusions.yaml: names[2] ("X"): unknown field "colour".',
      'seed/exclusions.yaml: names[3] ("Twitter"), field "doc": there is no document "nowhere.txt" in seed/documents/.',
      'seed/exclusions.yaml: names[3] ("Twitter"): the same exclusion is already listed as seed/exclusions.yaml: names[1] ("Twitter").',
      'seed/exclusions.yaml: sentences[0], field "doc": must be the file name of a document in seed/documents/.',
      'seed/exclusions.yaml: sentences[0], field "contains": is required.',
      'seed/exclusions.yaml: sentences[0], field "reason": must not be empty.',
    ]);
  });

  test('a bad file is named too', () => {
    expect(problems('names: [\n')).toEqual([expect.stringMatching(/^seed\/exclusions\.yaml: YAML: /)]);
    expect(problems('nmes: []\n')).toEqual(['seed/exclusions.yaml: unknown field "nmes".']);
  });
});

test('the seed loader skips exclusions.yaml', () => {
  const dir = tempDir('gaps');
  fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'seed-small', 'base.yaml'), path.join(dir, 'base.yaml'));
  fs.writeFileSync(
    path.join(dir, 'exclusions.yaml'),
    'names:\n  - text: Google Chrome\n    reason: Browser boilerplate.\n',
  );
  const seed = loadSeedFiles(dir, path.join(__dirname, '..', '..', 'seed', 'documents'));
  expect(seed.entities.map((e) => e.record.id).sort()).toEqual([
    'innovation-skane',
    'lund-university',
    'region-skane',
    'sydsverige',
  ]);
});
