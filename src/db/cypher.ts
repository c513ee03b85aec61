import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * All Cypher lives in `cypher/`, one named query per file: `cypher('actorsById')` returns the
 * text of `cypher/actorsById.cypher`. Files are read once and cached. Values always enter a query
 * as `$parameters`, never as text.
 *
 * A line `// @include name` is replaced by the text of `cypher/fragments/name.cypher` (whose own
 * includes are replaced too), so that a filter shared by a page, its count and its facets, or the
 * rows a page and a planned statement (src/planner/) share, are written once.
 */
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

export interface CypherQuery {
  name: string;
  text: string;
}

const cache = new Map<string, CypherQuery>();

export function cypher(name: string): CypherQuery {
  let query = cache.get(name);
  if (!query) {
    const file = path.join(CYPHER_DIR, `${name}.cypher`);
    query = { name, text: withIncludes(fs.readFileSync(file, 'utf8')) };
    cache.set(name, query);
  }
  return query;
}

/**
 * Splits a DDL file into statements: separated by `;` at the end of a line, `//` comment lines
 * dropped. Used for the schema file, whose statements the driver must run one at a time.
 */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .text.split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Fragments may include fragments (a page's rows include the filter); a cycle would never end. */
const MAX_INCLUDE_DEPTH = 4;

function withIncludes(text: string, depth = 0): string {
  return text.replace(/^\s*\/\/ @include ([\w/-]+)\s*$/gm, (_line, fragment: string) => {
    if (depth >= MAX_INCLUDE_DEPTH)
      throw new Error(`Cypher fragments include each other deeper than ${MAX_INCLUDE_DEPTH} levels at "${fragment}".`);
    return withIncludes(
      fs.readFileSync(path.join(CYPHER_DIR, 'fragments', `${fragment}.cypher`), 'utf8').trimEnd(),
      depth + 1,
    );
  });
}
