import crypto from 'node:crypto';
import { cypher } from '../src/db/cypher';
import type { Database } from '../src/db/Database';

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  /** sha256 over every node's labels and properties and every relationship's type, ends and properties. */
  checksum: string;
}

/** Stable JSON: object keys and labels sorted, so equal graphs give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A content fingerprint of the whole graph, independent of internal ids and write order: equal
 * fingerprints mean equal graphs. Reads everything: for tests that assert an operation changed
 * nothing (or exactly what it should), never for requests.
 */
export async function graphFingerprint(db: Database): Promise<GraphFingerprint> {
  const [row] = await db.read(cypher('test/graphSnapshot'));
  const nodes = (row?.nodes as { labels: string[] }[]).map((n) => canonical({ ...n, labels: [...n.labels].sort() }));
  const relationships = (row?.relationships as unknown[]).map(canonical);
  const hash = crypto.createHash('sha256');
  for (const line of [...nodes].sort()) hash.update(line + '\n');
  hash.update('--\n');
  for (const line of [...relationships].sort()) hash.update(line + '\n');
  return { nodes: nodes.length, relationships: relationships.length, checksum: hash.digest('hex') };
}
