import crypto from 'node:crypto';
import { cypher } from '../db/cypher';
import type { Database } from '../db/Database';

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  /**
   * sha256 over every node's labels and properties and every relationship's type, ends and
   * properties, each property with its Neo4j type.
   */
  checksum: string;
}

export interface FingerprintOptions {
  /** Nodes with any of these labels (and their relationships) are left out. */
  ignoreLabels?: string[];
  /** Properties of these names are left out everywhere (e.g. `origin`, which a seed reload sets). */
  ignoreProperties?: string[];
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

interface Item {
  labels?: string[];
  from?: string;
  to?: string;
  props: Record<string, unknown>;
  types: string[];
}

/**
 * A content fingerprint of the whole graph (cypher/backup/graphSnapshot.cypher), independent of
 * internal ids and write order: equal fingerprints mean equal graphs, property types included.
 * Reads everything in one query: for backups, restores and tests, never for requests.
 */
export async function graphFingerprint(db: Database, options: FingerprintOptions = {}): Promise<GraphFingerprint> {
  const [row] = await db.read(cypher('backup/graphSnapshot'));
  const ignoredLabels = new Set(options.ignoreLabels ?? []);
  const ignoredProps = new Set(options.ignoreProperties ?? []);
  const strip = (item: Item) => ({
    ...item,
    props: Object.fromEntries(Object.entries(item.props).filter(([k]) => !ignoredProps.has(k))),
    types: item.types.filter((t) => !ignoredProps.has(t.slice(0, t.indexOf(':')))),
  });
  const nodeItems = (row?.nodes as Item[]).filter((n) => !n.labels!.some((l) => ignoredLabels.has(l)));
  // Relationships name their ends by id: an ignored node's id is left out with its relationships.
  const ignoredEnds = new Set(
    (row?.nodes as Item[]).filter((n) => n.labels!.some((l) => ignoredLabels.has(l))).map((n) => String(n.props.id)),
  );
  const nodes = nodeItems.map((n) =>
    canonical(strip({ ...n, labels: [...n.labels!].sort(), types: [...n.types].sort() })),
  );
  const relationships = (row?.relationships as Item[])
    .filter((r) => !ignoredEnds.has(r.from!) && !ignoredEnds.has(r.to!))
    .map((r) => canonical(strip({ ...r, types: [...r.types].sort() })));
  const hash = crypto.createHash('sha256');
  for (const line of [...nodes].sort()) hash.update(line + '\n');
  hash.update('--\n');
  for (const line of [...relationships].sort()) hash.update(line + '\n');
  return { nodes: nodes.length, relationships: relationships.length, checksum: hash.digest('hex') };
}
