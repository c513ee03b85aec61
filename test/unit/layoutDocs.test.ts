import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** Folders that are built, downloaded or written by runs, not part of the source tree. */
const NOT_SOURCE = new Set(['node_modules', 'dist', 'coverage', 'test-results']);

function foldersIn(dir: string): string[] {
  return fs
    .readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_SOURCE.has(entry.name))
    .map((entry) => `${dir ? `${dir}/` : ''}${entry.name}/`)
    .sort();
}

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const layoutSection = readme.slice(
  readme.indexOf('## Layout'),
  readme.indexOf('\n## ', readme.indexOf('## Layout') + 1),
);
const architecture = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'architecture.md'), 'utf8');

test("the README's layout section names every top-level folder and every folder of src/", () => {
  const unnamed = [...foldersIn(''), ...foldersIn('src')].filter((folder) => !layoutSection.includes(`\`${folder}`));
  expect(unnamed).toEqual([]);
});

test('docs/architecture.md names every folder of src/ and the folders beside the request', () => {
  const folders = [...foldersIn('src'), 'cypher/', 'bench/', 'web/explorer/', 'test/unit/', 'test/integration/'];
  expect(folders.filter((folder) => !architecture.includes(`\`${folder}`))).toEqual([]);
});
