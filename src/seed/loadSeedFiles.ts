import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { SeedValidationError } from '../errors';
import { truncate } from '../text/truncate';
import {
  ENTITY_COLLECTIONS,
  RECORD_SCHEMAS,
  seedFileSchema,
  type Citation,
  type EntityLabel,
  type EntityRecord,
  type FigureRecord,
  type RelationshipRecord,
  type SeedCollection,
  type SourceRecord,
} from './model';

/** Where a record came from, for error messages: `seed/base.yaml: actors[3] (id "lund-university")`. */
export interface RecordOrigin {
  file: string;
  collection: SeedCollection;
  index: number;
}

export interface SeedEntity {
  label: EntityLabel;
  record: EntityRecord;
  origin: RecordOrigin;
}

export interface SeedRelationship extends Omit<RelationshipRecord, 'type'> {
  type: string;
  /** Stable identity: from, type, to and role. MERGE uses it, and a reload deletes what lost it. */
  key: string;
  origin: RecordOrigin;
}

export interface SeedData {
  sources: SourceRecord[];
  entities: SeedEntity[];
  relationships: SeedRelationship[];
  figures: (FigureRecord & { origin: RecordOrigin })[];
}

export function relationshipKey(from: string, type: string, to: string, role?: string): string {
  return [from, type, to, role ?? ''].join('|');
}

/** Whitespace-insensitive text, as quotes are compared: the PDF text breaks lines anywhere. */
export function normaliseWhitespace(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/**
 * Reads the documents of a folder as quotes are compared with them (whitespace-normalised), each
 * file once; null for a file that is not there. Used by the seed loader and the mutations.
 */
export function documentReader(dir: string): (doc: string) => string | null {
  const texts = new Map<string, string | null>();
  return (doc) => {
    if (!texts.has(doc)) {
      const file = path.join(dir, doc);
      texts.set(doc, fs.existsSync(file) ? normaliseWhitespace(fs.readFileSync(file, 'utf8')) : null);
    }
    return texts.get(doc)!;
  };
}

/** Whether a quote stands in a document's text from `documentReader`. */
export function quoteStandsIn(documentText: string, quote: string): boolean {
  return documentText.includes(normaliseWhitespace(quote));
}

function describe(origin: RecordOrigin, record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  const rel = record as { from?: unknown; type?: unknown; to?: unknown } | null;
  const label =
    typeof id === 'string'
      ? ` (id "${id}")`
      : typeof rel?.from === 'string'
        ? ` ("${rel.from}" ${String(rel.type)} "${String(rel.to)}")`
        : '';
  return `${origin.file}: ${origin.collection}[${origin.index}]${label}`;
}

function fieldPath(issuePath: PropertyKey[]): string {
  return issuePath.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

function formatIssue(where: string, issue: z.core.$ZodIssue): string {
  const field = fieldPath(issue.path);
  let message = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `must be one of ${(issue.values as unknown[]).map((v) => `"${String(v)}"`).join(', ')}`;
  } else if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = 'is required';
  }
  return `${where}, field "${field}": ${message.replace(/\.$/, '')}.`;
}

/**
 * Reads and validates every `*.yaml` file in `seedDir`. Nothing is written: a problem anywhere
 * throws a SeedValidationError listing every problem, each naming the file, the record and the
 * field. Checks: each record's schema, unique ids across files, that every relationship, figure,
 * priority, theme and region points at an existing entity, that every cited document exists, and
 * that every quote stands in its document.
 */
export function loadSeedFiles(seedDir: string, documentsDir = path.join(seedDir, 'documents')): SeedData {
  const problems: string[] = [];
  const data: SeedData = { sources: [], entities: [], relationships: [], figures: [] };
  const files = fs
    .readdirSync(seedDir)
    // exclusions.yaml is the completeness check's reviewed list (src/gaps/), not seed data.
    .filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && f !== 'exclusions.yaml')
    .sort();
  if (files.length === 0) throw new SeedValidationError([`${seedDir} has no .yaml files.`]);
  // Files are named relative to the working directory when they are below it (seed/base.yaml).
  const rel = (file: string) => {
    const relative = path.relative(process.cwd(), path.join(seedDir, file));
    return relative.startsWith('..') ? path.join(seedDir, file) : relative;
  };

  const citations: { where: string; citation: Citation }[] = [];
  const idOwners = new Map<string, string>();
  const sourceOwners = new Map<string, string>();

  for (const file of files) {
    const name = rel(file);
    const document = YAML.parseDocument(fs.readFileSync(path.join(seedDir, file), 'utf8'), { uniqueKeys: true });
    if (document.errors.length > 0) {
      for (const error of document.errors) problems.push(`${name}: YAML: ${error.message.split('\n')[0]}`);
      continue;
    }
    const top = seedFileSchema.safeParse(document.toJS() ?? {});
    if (!top.success) {
      for (const issue of top.error.issues) problems.push(formatIssue(`${name}`, issue));
      continue;
    }
    for (const [collection, records] of Object.entries(top.data) as [SeedCollection, unknown[] | undefined][]) {
      (records ?? []).forEach((raw, index) => {
        const origin: RecordOrigin = { file: name, collection, index };
        const where = describe(origin, raw);
        const parsed = RECORD_SCHEMAS[collection].safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) problems.push(formatIssue(where, issue));
          return;
        }
        const record = parsed.data as Record<string, unknown>;
        if (collection === 'sources') {
          const source = record as SourceRecord;
          const owner = sourceOwners.get(source.id);
          if (owner) problems.push(`${where}, field "id": source "${source.id}" is defined again (first in ${owner}).`);
          sourceOwners.set(source.id, where);
          data.sources.push(source);
          return;
        }
        ((record.sources as Citation[]) ?? []).forEach((citation, i) =>
          citations.push({ where: `${where}, field "sources[${i}]"`, citation }),
        );
        if (collection === 'relationships') {
          const r = record as RelationshipRecord;
          data.relationships.push({ ...r, key: relationshipKey(r.from, r.type, r.to, r.role), origin });
          return;
        }
        if ('id' in record) {
          const id = record.id as string;
          const owner = idOwners.get(id);
          if (owner) problems.push(`${where}, field "id": "${id}" is already used by ${owner}.`);
          else idOwners.set(id, where);
        }
        if (collection === 'figures') {
          data.figures.push({ ...(record as FigureRecord), origin });
          return;
        }
        data.entities.push({
          label: ENTITY_COLLECTIONS[collection],
          record: record as EntityRecord,
          origin,
        });
      });
    }
  }

  // References between records: every endpoint must exist, and of the right kind where it matters.
  const labelOf = new Map(data.entities.map((e) => [e.record.id, e.label]));
  const expectLabel = (where: string, field: string, id: string | undefined, labels?: EntityLabel[]) => {
    if (id === undefined) return;
    const label = labelOf.get(id);
    if (!label) problems.push(`${where}, field "${field}": no entity has the id "${id}".`);
    else if (labels && !labels.includes(label)) {
      problems.push(`${where}, field "${field}": "${id}" is a ${label}, and this field takes a ${labels.join(' or ')}.`);
    }
  };
  for (const entity of data.entities) {
    const where = describe(entity.origin, entity.record);
    expectLabel(where, 'partOf', entity.record.partOf, ['Region']);
    expectLabel(where, 'broader', entity.record.broader, ['Theme']);
    if (entity.label === 'Priority') {
      expectLabel(where, 'strategy', entity.record.strategy, ['Strategy']);
      expectLabel(where, 'parent', entity.record.parent, ['Priority']);
    }
  }
  const keys = new Map<string, string>();
  for (const r of data.relationships) {
    const where = describe(r.origin, r);
    expectLabel(where, 'from', r.from);
    expectLabel(where, 'to', r.to);
    if (r.from === r.to) problems.push(`${where}, field "to": a relationship must join two different entities.`);
    if (r.type === 'TARGETS_STAGE') expectLabel(where, 'to', r.to, ['Stage']);
    if (r.type === 'LOCATED_IN') expectLabel(where, 'to', r.to, ['Region']);
    const owner = keys.get(r.key);
    if (owner) {
      problems.push(`${where}: the same relationship is already stated by ${owner}; add its sources there (or give each a different role).`);
    }
    keys.set(r.key, where);
  }
  for (const figure of data.figures) expectLabel(describe(figure.origin, figure), 'subject', figure.subject);

  // Provenance: every cited document exists and holds the quote.
  const documentText = documentReader(documentsDir);
  for (const { where, citation } of citations) {
    // A web page is not kept in seed/documents/: its quote is the curator's word.
    if (/^https?:\/\//.test(citation.doc)) continue;
    if (!sourceOwners.has(citation.doc)) {
      problems.push(`${where}.doc: "${citation.doc}" is not a source listed under "sources" in seed/.`);
      continue;
    }
    const textOfDoc = documentText(citation.doc);
    if (textOfDoc === null) {
      problems.push(`${where}.doc: "${citation.doc}" is not in ${path.relative(process.cwd(), documentsDir) || documentsDir}.`);
    } else if (!quoteStandsIn(textOfDoc, citation.quote)) {
      problems.push(`${where}.quote: "${truncate(citation.quote, 60)}" does not stand in ${citation.doc}.`);
    }
  }
  for (const source of data.sources) {
    if (documentText(source.id) === null) {
      problems.push(`${sourceOwners.get(source.id)}, field "id": there is no file "${source.id}" in ${path.relative(process.cwd(), documentsDir) || documentsDir}.`);
    }
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return data;
}
