import fs from 'node:fs';
import path from 'node:path';
import { removeTempDirs, tempDir } from '../tempDirs';
import { SeedValidationError } from '../../src/errors';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';

const DOCUMENTS = path.join(__dirname, '..', '..', 'seed', 'documents');
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'seed-small', 'base.yaml');

function seedDir(files: Record<string, string>): string {
  const dir = tempDir('seed-unit');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function problemsOf(files: Record<string, string>): string[] {
  try {
    loadSeedFiles(seedDir(files), DOCUMENTS);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

const base = fs.readFileSync(FIXTURE, 'utf8');

test('the small fixture is valid', () => {
  const data = loadSeedFiles(path.dirname(FIXTURE), DOCUMENTS);
  expect(data.entities.map((e) => e.record.id).sort()).toEqual([
    'innovation-skane',
    'lund-university',
    'region-skane',
    'sydsverige',
  ]);
  expect(data.relationships.map((r) => r.key)).toEqual([
    'region-skane|OWNS|innovation-skane|',
    'lund-university|LOCATED_IN|sydsverige|',
  ]);
});

test('a quote that does not stand in its document is named with file, record and field', () => {
  const problems = problemsOf({
    'base.yaml': base.replace(
      '"Region Skåne’s innovation company"\n  - id: innovation',
      '"Region Skane is the owner of everything"\n  - id: innovation',
    ),
  });
  expect(problems).toEqual([
    expect.stringMatching(
      /base\.yaml: actors\[0\] \(id "region-skane"\), field "sources\[0\]"\.quote: "Region Skane is the owner of everything" does not stand in 002_18ae22799d8cc1a7\.txt\./,
    ),
  ]);
});

test('an id used twice names both places', () => {
  const problems = problemsOf({
    'base.yaml': base,
    'more.yaml':
      'actors:\n  - id: lund-university\n    kind: university\n    name: LU\n    nameEn: LU\n    sources:\n      - doc: 000_aefb97ef1588826a.txt\n        quote: "Lund University"\n',
  });
  expect(problems).toEqual([
    expect.stringMatching(
      /more\.yaml: actors\[0\] \(id "lund-university"\), field "id": "lund-university" is already used by .*base\.yaml: actors\[2\]/,
    ),
  ]);
});

test('missing fields, unknown fields, bad types and unknown relationship types are each reported', () => {
  const problems = problemsOf({
    'base.yaml': base,
    'bad.yaml': [
      'actors:',
      '  - id: Bad_Id',
      '    kind: university',
      '    name: X',
      '    colour: red',
      '    sources: []',
      'relationships:',
      '  - from: lund-university',
      '    type: LIKES',
      '    to: region-skane',
      '    amount: 5',
      '    basis: STATED',
      '    sources:',
      '      - doc: 000_aefb97ef1588826a.txt',
      '        quote: "Lund University"',
      '  - from: lund-university',
      '    type: FUNDS',
      '    to: region-skane',
      '    amount: 5',
      '    basis: STATED',
      '    sources:',
      '      - doc: 000_aefb97ef1588826a.txt',
      '        quote: "Lund University"',
    ].join('\n'),
  });
  const text = problems.join('\n');
  expect(text).toMatch(/bad\.yaml: actors\[0\] \(id "Bad_Id"\), field "id": must be a kebab-case slug/);
  expect(text).toMatch(/bad\.yaml: actors\[0\] \(id "Bad_Id"\), field "nameEn": is required\./);
  expect(text).toMatch(/bad\.yaml: actors\[0\] \(id "Bad_Id"\): unknown field "colour"\./);
  expect(text).toMatch(/bad\.yaml: actors\[0\] \(id "Bad_Id"\), field "sources": must cite at least one source\./);
  expect(text).toMatch(
    /bad\.yaml: relationships\[0\] \("lund-university" LIKES "region-skane"\), field "type": must be one of "SUPPORTS"/,
  );
  expect(text).toMatch(/bad\.yaml: relationships\[1\] .*field "currency": is required when amount is given\./);
});

test('a YAML syntax error names the file', () => {
  const problems = problemsOf({ 'broken.yaml': 'actors:\n  - id: [unclosed\n' });
  expect(problems[0]).toMatch(/broken\.yaml: YAML: /);
});

test('a citation of a document that is not a listed source is rejected', () => {
  const problems = problemsOf({
    'base.yaml': base.replace(
      'doc: 000_aefb97ef1588826a.txt\n        quote: "Total',
      'doc: 999_missing.txt\n        quote: "Total',
    ),
  });
  expect(problems).toEqual([
    expect.stringMatching(
      /figures\[0\] \(id "sydsverige-population-2019"\), field "sources\[0\]"\.doc: "999_missing\.txt" is not a source listed/,
    ),
  ]);
});

afterAll(removeTempDirs);

describe('basis: how a relationship or figure rests on its quote', () => {
  const relationship = (extra: string) =>
    [
      'relationships:',
      '  - from: region-skane',
      '    type: FUNDS',
      '    to: innovation-skane',
      ...extra
        .split('\n')
        .filter(Boolean)
        .map((line) => `    ${line}`),
      '    sources:',
      '      - doc: 002_18ae22799d8cc1a7.txt',
      '        quote: "The organization receives core funding from its owner, Region Skåne"',
      '',
    ].join('\n');

  test('a relationship without a basis is named with its file, record and field', () => {
    const problems = problemsOf({ 'base.yaml': base, 'funds.yaml': relationship('') });
    expect(problems).toEqual([
      expect.stringMatching(
        /funds\.yaml: relationships\[0\] \("region-skane" FUNDS "innovation-skane"\), field "basis": must be one of "STATED", "IMPLIED", "INFERRED"\./,
      ),
    ]);
  });

  test('INFERRED needs a basisNote saying what it rests on; STATED and IMPLIED do not', () => {
    const problems = problemsOf({ 'base.yaml': base, 'funds.yaml': relationship('basis: INFERRED') });
    expect(problems).toEqual([
      expect.stringMatching(
        /funds\.yaml: relationships\[0\] .*field "basisNote": is required when basis is INFERRED: say what the inference rests on\./,
      ),
    ]);
    const ok = seedDir({
      'base.yaml': base,
      'funds.yaml': relationship('basis: INFERRED\nbasisNote: "Core funding is money: a grant."'),
    });
    const data = loadSeedFiles(ok, DOCUMENTS);
    expect(data.relationships.find((r) => r.type === 'FUNDS')).toMatchObject({
      basis: 'INFERRED',
      basisNote: 'Core funding is money: a grant.',
    });
  });

  test("a focus area's parent must be a priority", () => {
    const problems = problemsOf({
      'base.yaml': base,
      'strategy.yaml': [
        'strategies:',
        '  - id: s',
        '    kind: strategy',
        '    name: S',
        '    nameEn: S',
        '    sources: [{ doc: 002_18ae22799d8cc1a7.txt, quote: "Three innovation areas" }]',
        'priorities:',
        '  - id: p',
        '    kind: focus_area',
        '    strategy: s',
        '    parent: lund-university',
        '    name: P',
        '    nameEn: P',
        '    sources: [{ doc: 002_18ae22799d8cc1a7.txt, quote: "Three innovation areas" }]',
        '',
      ].join('\n'),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /strategy\.yaml: priorities\[0\] \(id "p"\), field "parent": "lund-university" is a Actor, and this field takes a Priority\./,
      ),
    ]);
  });
});
