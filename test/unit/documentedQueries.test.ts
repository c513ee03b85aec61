import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { loadTypeDefs } from '../../src/server/createServer';

/** The SDL alone is enough to check that documented queries are valid against the schema. */
const schema = buildSchema(loadTypeDefs().join('\n'));
const root = path.join(__dirname, '..', '..');

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

test('there is a documented query for each question users ask', () => {
  expect(documented.length).toBeGreaterThanOrEqual(5);
});

test.each(documented)('docs/queries/%s is valid against the schema', (file) => {
  expect(errorsOf(fs.readFileSync(path.join(root, 'docs', 'queries', file), 'utf8'))).toEqual([]);
});
