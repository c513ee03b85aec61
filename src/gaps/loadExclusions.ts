import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { SeedValidationError } from '../errors';

const text = z.string().trim().min(1, 'must not be empty');
const documentName = z.string().regex(/^[\w.-]+\.txt$/, 'must be the file name of a document in seed/documents/');

/** A name the graph leaves out on purpose: anywhere, or in one document. */
export const nameExclusionSchema = z.strictObject({ text, doc: documentName.optional(), reason: text });
/** A relation sentence the graph leaves unexplained on purpose: the sentence that contains `contains`. */
export const sentenceExclusionSchema = z.strictObject({ doc: documentName, contains: text, reason: text });
const fileSchema = z.strictObject({
  names: z.array(z.unknown()).optional(),
  sentences: z.array(z.unknown()).optional(),
});

export type NameExclusion = z.infer<typeof nameExclusionSchema> & { where: string };
export type SentenceExclusion = z.infer<typeof sentenceExclusionSchema> & { where: string };

export interface Exclusions {
  names: NameExclusion[];
  sentences: SentenceExclusion[];
}

/**
 * Reads and validates `seed/exclusions.yaml` (see docs/seed-format.md, "Completeness check"); no
 * file is no exclusions. A bad entry throws a SeedValidationError naming the file, the entry and
 * the field, as the seed loader does; `documents` are the documents an entry's `doc` may name.
 */
export function loadExclusions(file: string, documents: string[]): Exclusions {
  if (!fs.existsSync(file)) return { names: [], sentences: [] };
  const relative = path.relative(process.cwd(), file);
  return parseExclusions(fs.readFileSync(file, 'utf8'), relative.startsWith('..') ? file : relative, documents);
}

/** `loadExclusions` for a text: `file` is the name its errors give. */
export function parseExclusions(yamlText: string, file: string, documents: string[]): Exclusions {
  const problems: string[] = [];
  const exclusions: Exclusions = { names: [], sentences: [] };
  const document = YAML.parseDocument(yamlText, { uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SeedValidationError(document.errors.map((error) => `${file}: YAML: ${error.message.split('\n')[0]}`));
  }
  const top = fileSchema.safeParse(document.toJS() ?? {});
  if (!top.success) throw new SeedValidationError(top.error.issues.map((issue) => formatIssue(file, issue)));

  const seen = new Map<string, string>();
  const once = (where: string, key: string) => {
    const first = seen.get(key);
    if (first) problems.push(`${where}: the same exclusion is already listed as ${first}.`);
    else seen.set(key, where);
  };
  const knownDocument = (where: string, doc: string | undefined) => {
    if (doc !== undefined && !documents.includes(doc))
      problems.push(`${where}, field "doc": there is no document "${doc}" in seed/documents/.`);
  };
  (top.data.names ?? []).forEach((raw, index) => {
    const where = `${file}: names[${index}]${label((raw as { text?: unknown } | null)?.text)}`;
    const parsed = nameExclusionSchema.safeParse(raw);
    if (!parsed.success) return problems.push(...parsed.error.issues.map((issue) => formatIssue(where, issue)));
    knownDocument(where, parsed.data.doc);
    once(where, `name\u0000${parsed.data.text}\u0000${parsed.data.doc ?? ''}`);
    exclusions.names.push({ ...parsed.data, where });
  });
  (top.data.sentences ?? []).forEach((raw, index) => {
    const where = `${file}: sentences[${index}]${label((raw as { contains?: unknown } | null)?.contains)}`;
    const parsed = sentenceExclusionSchema.safeParse(raw);
    if (!parsed.success) return problems.push(...parsed.error.issues.map((issue) => formatIssue(where, issue)));
    knownDocument(where, parsed.data.doc);
    once(where, `sentence\u0000${parsed.data.contains}\u0000${parsed.data.doc}`);
    exclusions.sentences.push({ ...parsed.data, where });
  });
  if (problems.length > 0) throw new SeedValidationError(problems);
  return exclusions;
}

function label(value: unknown): string {
  if (typeof value !== 'string') return '';
  return ` ("${value.length > 40 ? `${value.slice(0, 37)}...` : value}")`;
}

// The seed loader's wording: "<where>, field "reason": is required."
function formatIssue(where: string, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  }
  const field = issue.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  const message =
    issue.code === 'invalid_type' && /received undefined/.test(issue.message)
      ? 'is required'
      : issue.message.replace(/\.$/, '');
  return field ? `${where}, field "${field}": ${message}.` : `${where}: ${message}.`;
}
