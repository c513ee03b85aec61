import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config';
import { BadUserInputError } from '../errors';
import { fromSlugOrGlobalId, type GlobalType } from '../graphql/globalId';
import { documentReader, quoteStandsIn } from '../seed/loadSeedFiles';
import { citationList, citationSchema, WRITE_LIMITS, type Citation } from '../seed/model';
import { truncate } from '../text/truncate';

/**
 * Validation of the mutations' input, before anything is written. The record schemas are the
 * seed loader's (src/seed/model.ts), so that what the API writes passes exactly the checks a seed
 * file's record does; only citations differ: the API also takes http:// URLs.
 */

export const DOCUMENTS_DIR = path.join(PROJECT_ROOT, 'seed', 'documents');

/** A citation as the API takes it: a document of seed/documents/ or an http(s) URL, and a quote. */
export const apiCitationSchema = z.strictObject({
  doc: z
    .string()
    .max(WRITE_LIMITS.url, `must be at most ${WRITE_LIMITS.url} characters long`)
    .regex(/^(https?:\/\/\S+|[\w.-]+\.txt)$/, 'must be a file name in seed/documents/ or an http(s) URL'),
  quote: citationSchema.shape.quote,
});
export const apiSourcesSchema = citationList(apiCitationSchema);

export function isUrl(doc: string): boolean {
  return /^https?:\/\//.test(doc);
}

/** A BAD_USER_INPUT error about one field of the mutation's `input`. */
export function badInputField(field: string, message: string): BadUserInputError {
  return new BadUserInputError(message, { argumentName: 'input', extensions: { field: `input.${field}` } });
}

function shown(value: unknown): string {
  return truncate(JSON.stringify(value) ?? String(value));
}

function valueAt(value: unknown, issuePath: PropertyKey[]): unknown {
  let at = value;
  for (const part of issuePath) at = (at as Record<PropertyKey, unknown> | null | undefined)?.[part];
  return at;
}

/**
 * Parses `record` (a seed-format record built from the input) with `schema`; on failure, throws
 * BAD_USER_INPUT for the first problem, naming the input field (`fieldOf` maps the record's field
 * names back to the input's) and the bad value.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  record: unknown,
  fieldOf: (recordPath: PropertyKey[]) => string,
): T {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = fieldOf(issue.path);
  const value = valueAt(record, issue.path);
  let message = issue.message.replace(/\.$/, '');
  if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `must be one of ${(issue.values as unknown[]).map((v) => `"${String(v)}"`).join(', ')}`;
  } else if (issue.code === 'invalid_type' && value === undefined) {
    message = 'is required';
  } else if (/^[A-Z]/.test(message)) {
    // zod's own messages ("Invalid URL", "Too small: ...") rather than the schema's.
    message = `is not valid (${message.charAt(0).toLowerCase()}${message.slice(1)})`;
  }
  throw badInputField(
    field,
    value === undefined || Array.isArray(value)
      ? `"input.${field}" ${message}.`
      : `"input.${field}" ${message}, not ${shown(value)}.`,
  );
}

/** Maps a record path (`sources[0].doc`) to the input's field name (`sources[0].document`). */
export function inputFieldOf(renames: Record<string, string> = {}) {
  return (recordPath: PropertyKey[]) =>
    recordPath
      .map((part, i) => {
        if (typeof part === 'number') return `[${part}]`;
        const name = i === 0 ? (renames[String(part)] ?? String(part)) : part === 'doc' ? 'document' : String(part);
        return i === 0 ? name : `.${name}`;
      })
      .join('');
}

/** GraphQL citations ({ document, quote }) as seed citations ({ doc, quote }). */
export function toCitations(sources: readonly { document: string; quote: string }[]): { doc: string; quote: string }[] {
  return sources.map((s) => ({ doc: s.document, quote: s.quote }));
}

/** The curated documents never change while the server runs: each is read once. */
const documentText = documentReader(DOCUMENTS_DIR);

/**
 * Checks what the schema cannot: a cited document of seed/documents/ exists and holds the quote
 * (whitespace-insensitive, as the seed loader compares). URLs are taken as they are.
 */
export function checkCitations(sources: Citation[], field = 'sources'): void {
  sources.forEach((citation, i) => {
    if (isUrl(citation.doc)) return;
    const text = documentText(citation.doc);
    if (text === null) {
      throw badInputField(
        `${field}[${i}].document`,
        `"input.${field}[${i}].document" must be a file in seed/documents/ or an http(s) URL, not ${shown(citation.doc)}.`,
      );
    }
    if (!quoteStandsIn(text, citation.quote)) {
      throw badInputField(
        `${field}[${i}].quote`,
        `"input.${field}[${i}].quote" does not stand in ${citation.doc}: ${shown(citation.quote)}.`,
      );
    }
  });
}

/** The citations given with an update or a delete (`input.sources`), validated and checked. */
export function givenCitations(sources: readonly { document: string; quote: string }[]): Citation[] {
  const citations = parseInput(
    apiSourcesSchema,
    toCitations(sources),
    (p) => `sources${inputFieldOf()(p)}`,
  ) as Citation[];
  checkCitations(citations);
  return citations;
}

/** Adds citations to a list, leaving out those it holds already. */
export function mergeCitations(current: Citation[], added: Citation[]): Citation[] {
  const seen = new Set(current.map((c) => `${c.doc}\n${c.quote}`));
  const merged = [...current];
  for (const citation of added) {
    const key = `${citation.doc}\n${citation.quote}`;
    if (!seen.has(key)) merged.push(citation);
    seen.add(key);
  }
  return merged;
}

/** The earliest and latest day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean. */
function firstDay(date: string): string {
  return (date + '-01-01').slice(0, 10);
}
function lastDay(date: string): string {
  return (date + '-12-31').slice(0, 10);
}

/** BAD_USER_INPUT unless validFrom is not after validTo (a year is the whole year). */
export function checkDateOrder(validFrom: string | undefined, validTo: string | undefined): void {
  if (validFrom !== undefined && validTo !== undefined && firstDay(validFrom) > lastDay(validTo)) {
    throw badInputField(
      'validTo',
      `"input.validTo" must not be before validFrom (${validFrom}), not ${shown(validTo)}.`,
    );
  }
}

/** An entity named by a client: its slug, and the type its global id names (if one was given). */
export interface EntityRef {
  key: string;
  type?: GlobalType;
  field: string;
  given: string;
}

/** Reads an entity reference (a slug or a global id); BAD_USER_INPUT when it is neither. */
export function entityRef(given: string, field: string): EntityRef {
  let decoded: { key: string; type?: GlobalType };
  try {
    decoded = fromSlugOrGlobalId(given, 'input');
  } catch {
    throw badInputField(field, `"input.${field}" must be a slug or the global id of an entity, not ${shown(given)}.`);
  }
  if (decoded.type === 'Source') {
    throw badInputField(field, `"input.${field}" must name an entity, not a source: ${shown(given)}.`);
  }
  return { ...decoded, field, given };
}
