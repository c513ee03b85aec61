import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/** The SDL of the API: every `schema/*.graphql` file, in name order. */
export function loadTypeDefs(): string[] {
  const dir = path.join(PROJECT_ROOT, 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}
