import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cypher } from '../db/cypher';
import type { Database } from '../db/Database';
import { fromTagged } from '../db/taggedValues';
import { BackupError } from '../errors';

/**
 * The online backup: the whole graph read through the driver in one read transaction (so it is
 * one consistent state, with the server running: the way to back up a remote Neo4j, where
 * neo4j-admin cannot reach the store) into a JSON-lines file, and read back by `importGraph`.
 *
 * The file: a header line, then one line per node, then one per relationship. Property values
 * are lossless tagged JSON (src/db/taggedValues.ts).
 *
 *     {"format":"medicon-graph-export","version":1,"exportedAt":"…","nodes":1203,"relationships":2210}
 *     {"node":{"key":"4:…:0","labels":["Entity","Actor"],"props":{"id":"lund-university",…}}}
 *     {"relationship":{"from":"4:…:0","to":"4:…:7","type":"LOCATED_IN","props":{…}}}
 *
 * Schema (constraints, indexes) is not in the file: the project applies it on every start
 * (cypher/schema.cypher), and a restore keeps the target's.
 */
export const EXPORT_FORMAT = 'medicon-graph-export';
const VERSION = 1;
/** Rows per import statement: every batch runs in the restore's one transaction. */
const BATCH = 2000;

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Neo4j label or type name');
const props = z.record(z.string(), z.unknown());
const headerSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(VERSION),
  exportedAt: z.string(),
  nodes: z.number().int().nonnegative(),
  relationships: z.number().int().nonnegative(),
});
const nodeLine = z.strictObject({
  node: z.strictObject({ key: z.string().min(1), labels: z.array(name), props }),
});
const relationshipLine = z.strictObject({
  relationship: z.strictObject({ from: z.string().min(1), to: z.string().min(1), type: name, props }),
});

interface ExportNode {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
}
interface ExportRelationship {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

/**
 * Writes the whole graph to `file` (JSON lines, above), read in one read transaction. The file
 * appears only when complete: it is written beside as `<file>.partial` and renamed.
 */
export async function exportGraph(db: Database, file: string): Promise<GraphCounts> {
  const { nodes, relationships } = await db.readTaggedTransaction(async (tx) => ({
    nodes: (await tx.run(cypher('backup/exportNodes'))) as unknown as ExportNode[],
    relationships: (await tx.run(cypher('backup/exportRelationships'))) as unknown as ExportRelationship[],
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = fs.openSync(partial, 'w');
  try {
    const header = {
      format: EXPORT_FORMAT,
      version: VERSION,
      exportedAt: new Date().toISOString(),
      nodes: nodes.length,
      relationships: relationships.length,
    };
    fs.writeSync(out, JSON.stringify(header) + '\n');
    for (const node of nodes) fs.writeSync(out, JSON.stringify({ node }) + '\n');
    for (const relationship of relationships) fs.writeSync(out, JSON.stringify({ relationship }) + '\n');
  } finally {
    fs.closeSync(out);
  }
  fs.renameSync(partial, file);
  return { nodes: nodes.length, relationships: relationships.length };
}

/** Whether a file starts like an export (its first line is the header), without reading it all. */
export function looksLikeExport(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(64);
    const read = fs.readSync(fd, start, 0, start.length, 0);
    return start.subarray(0, read).toString('utf8').includes(`"format":"${EXPORT_FORMAT}"`);
  } finally {
    fs.closeSync(fd);
  }
}

function decodeProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, fromTagged(value)]));
}

/**
 * Reads and checks a whole export before anything is written: the header, every line's shape
 * and values, the counts the header announces (a truncated file is refused), and that every
 * relationship's ends are nodes of the file. Throws a BackupError naming the line.
 */
export function readExport(file: string): { nodes: ExportNode[]; relationships: ExportRelationship[] } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`There is no backup file "${file}".`);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const parse = (index: number) => {
    try {
      return JSON.parse(lines[index]!) as unknown;
    } catch {
      throw new BackupError(`"${file}", line ${index + 1}: not JSON; the file is not a complete graph export.`);
    }
  };
  const header = headerSchema.safeParse(lines.length > 0 ? parse(0) : null);
  if (!header.success) {
    throw new BackupError(
      `"${file}" is not a graph export: its first line must be the header {"format":"${EXPORT_FORMAT}","version":${VERSION},…}.`,
    );
  }
  const nodes: ExportNode[] = [];
  const relationships: ExportRelationship[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const value = parse(i);
    const node = nodeLine.safeParse(value);
    const relationship = node.success ? undefined : relationshipLine.safeParse(value);
    const where = `"${file}", line ${i + 1}`;
    try {
      if (node.success) nodes.push({ ...node.data.node, props: decodeProps(node.data.node.props) });
      else if (relationship?.success) {
        const r = relationship.data.relationship;
        relationships.push({ ...r, props: decodeProps(r.props) });
      } else {
        // Name the problem of the kind of line it tries to be.
        const tried = value && typeof value === 'object' && 'node' in value ? node : relationship!;
        const issue = tried.error.issues[0]!;
        throw new Error(`${issue.path.join('.') || 'the line'}: ${issue.message}`);
      }
    } catch (error) {
      throw new BackupError(`${where}: not a node or relationship of a graph export (${(error as Error).message}).`);
    }
  }
  if (nodes.length !== header.data.nodes || relationships.length !== header.data.relationships) {
    throw new BackupError(
      `"${file}" is incomplete: its header announces ${header.data.nodes} nodes and ${header.data.relationships} relationships, ` +
        `and it holds ${nodes.length} and ${relationships.length}.`,
    );
  }
  const keys = new Set(nodes.map((n) => n.key));
  const dangling = relationships.find((r) => !keys.has(r.from) || !keys.has(r.to));
  if (dangling) {
    throw new BackupError(`"${file}": a ${dangling.type} relationship joins a node that is not in the file.`);
  }
  return { nodes, relationships };
}

/**
 * Replaces the whole graph with the export in `file`, in one write transaction: the file is
 * checked first (readExport: nothing is touched when it is refused), then the graph is emptied
 * and the nodes and relationships are created in batches of the same transaction, so a failure
 * anywhere rolls back to the graph as it was. One transaction holds the whole graph in the
 * server's memory: right for this project's graph (thousands of records); a graph of millions
 * would need the dump (neo4j-admin) instead.
 */
export async function importGraph(db: Database, file: string): Promise<GraphCounts> {
  const { nodes, relationships } = readExport(file);
  await db.writeTransaction(async (tx) => {
    await tx.run(cypher('backup/deleteAll'));
    const ids = new Map<string, string>();
    for (let i = 0; i < nodes.length; i += BATCH) {
      for (const row of await tx.run(cypher('backup/importNodes'), { nodes: nodes.slice(i, i + BATCH) })) {
        ids.set(row.key as string, row.id as string);
      }
    }
    let created = 0;
    for (let i = 0; i < relationships.length; i += BATCH) {
      const batch = relationships.slice(i, i + BATCH).map((r) => ({ ...r, from: ids.get(r.from), to: ids.get(r.to) }));
      const [row] = await tx.run(cypher('backup/importRelationships'), { relationships: batch });
      created += Number(row?.created ?? 0);
    }
    // Throwing rolls the transaction back: the graph stays as it was.
    if (ids.size !== nodes.length || created !== relationships.length) {
      throw new BackupError(
        `The restore created ${ids.size} of ${nodes.length} nodes and ${created} of ${relationships.length} relationships; nothing was changed.`,
      );
    }
  });
  return { nodes: nodes.length, relationships: relationships.length };
}
