import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { loadApiSettings } from '../../src/config';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { limitValidationRules, rowEstimator } from '../../src/server/limits';

/** The SDL alone is enough to check that documented queries are valid against the schema. */
const schema = buildSchema(loadTypeDefs().join('\n'));
const root = path.join(__dirname, '..', '..');
const documentsDir = path.join(root, 'seed', 'documents');
/** The limits the API applies to every request by default (README, Operations). */
const limits = loadApiSettings({}).limits;

function errorsOf(query: string): string[] {
  return validate(schema, parse(query)).map((e) => e.message);
}

test('the query GraphiQL opens with is valid against the schema', () => {
  const source = fs.readFileSync(path.join(root, 'web', 'graphiql', 'main.tsx'), 'utf8');
  const match = /const defaultQuery = `([\s\S]*?)`;/.exec(source);
  expect(match).not.toBeNull();
  expect(errorsOf(match![1]!)).toEqual([]);
});

const documented = fs.readdirSync(path.join(root, 'docs', 'queries')).filter((f) => f.endsWith('.graphql'));
const read = (file: string) => fs.readFileSync(path.join(root, 'docs', 'queries', file), 'utf8');

test('there is a documented query for each question users ask: at least 25', () => {
  expect(documented.length).toBeGreaterThanOrEqual(25);
});

test.each(documented)('docs/queries/%s is valid against the schema', (file) => {
  expect(errorsOf(read(file))).toEqual([]);
});

test.each(documented)('docs/queries/%s stays within the limits the API applies to every request', (file) => {
  const document = parse(read(file), { maxTokens: limits.maxTokens });
  expect(
    validate(schema, document, [...specifiedRules, ...limitValidationRules(limits)]).map((e) => e.message),
  ).toEqual([]);
  expect(getComplexity({ schema, query: document, variables: {}, estimators: [rowEstimator] })).toBeLessThanOrEqual(
    limits.maxCost,
  );
});

/**
 * Each file says what it asks, where the answer stands and what the answer is:
 *   # Question: <the question, as a user asks it>
 *   # Source: <a file in seed/documents> — <what the document says, "quotes" verbatim>
 *   # Expected: <the answer, in plain words>
 * There may be several Source lines; a quote in double quotes must stand in its document as it is
 * spelled there (the PDF's lost diacritics and line-break hyphens too; whitespace counts as one space).
 */
describe.each(documented)('docs/queries/%s', (file) => {
  const lines = read(file).split('\n');
  const header = (label: string) =>
    lines.filter((l) => l.startsWith(`# ${label}: `)).map((l) => l.slice(label.length + 4).trim());

  test('has the header lines # Question:, # Source: and # Expected:', () => {
    expect(header('Question')).toHaveLength(1);
    expect(header('Question')[0]).toMatch(/\?$/);
    expect(header('Source').length).toBeGreaterThan(0);
    expect(header('Expected')).toHaveLength(1);
    expect(header('Expected')[0]!.length).toBeGreaterThan(0);
  });

  test('every Source names a document in seed/documents, and its quotes stand in it', () => {
    const collapse = (text: string) => text.replace(/\s+/g, ' ');
    for (const source of header('Source')) {
      const match = /^(\d{3}_[0-9a-f]{16}\.txt) — (.+)$/.exec(source);
      expect({ source, named: match !== null }).toEqual({ source, named: true });
      const document = collapse(fs.readFileSync(path.join(documentsDir, match![1]!), 'utf8'));
      const missing = [...match![2]!.matchAll(/"([^"]+)"/g)]
        .map((q) => q[1]!)
        .filter((quote) => !document.includes(collapse(quote)));
      expect(missing).toEqual([]);
    }
  });
});
