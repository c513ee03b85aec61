import type { Citation, EntityRecord, RelationshipRecord } from './model';

/**
 * The inverse of the seed writer (./writeSeed.ts, toWriteParams): the seed-format record that an
 * entity node or a relationship holds. The mutations read records back with it before they
 * change them, and the curation export (./curationExport.ts) writes them out as seed YAML.
 */

/** Provenance as stored (parallel lists sourceDocs and quotes) as seed citations. */
function citationsOf(props: Record<string, unknown>): Citation[] {
  const sourceDocs = (props.sourceDocs as string[] | null) ?? [];
  const quotes = (props.quotes as string[] | null) ?? [];
  return sourceDocs.map((doc, i) => ({ doc, quote: quotes[i] ?? '' }));
}

const present = (value: unknown) => value !== null && value !== undefined;

/** The fields of an entity record besides id, names, aliases and sources, in seed-file order. */
const ENTITY_FIELDS = ['kind', 'description', 'website', 'year', 'order', 'validFrom', 'validTo'] as const;

/** The seed-format record an entity node holds (its derived properties, such as sortKey, left out). */
export function entityRecordOf(node: Record<string, unknown>): EntityRecord {
  const record: Record<string, unknown> = {
    id: node.id,
    name: node.name,
    nameEn: node.nameEn,
    aliases: node.aliases ?? [],
  };
  for (const field of ENTITY_FIELDS) if (present(node[field])) record[field] = node[field];
  record.sources = citationsOf(node);
  return record as unknown as EntityRecord;
}

/** The fields of a relationship record besides its ends, type, role and sources, in order. */
export const RELATIONSHIP_FIELDS = ['amount', 'currency', 'validFrom', 'validTo', 'basis', 'basisNote'] as const;

/** The seed-format record a relationship holds, given its ends and type. */
export function relationshipRecordOf(
  from: string,
  type: string,
  to: string,
  props: Record<string, unknown>,
): RelationshipRecord {
  const record: Record<string, unknown> = { from, type, to };
  if (present(props.role)) record.role = props.role;
  for (const field of RELATIONSHIP_FIELDS) if (present(props[field])) record[field] = props[field];
  // A relationship written before bases existed is taken as its curator wrote it: stated.
  record.basis ??= 'STATED';
  record.sources = citationsOf(props);
  return record as unknown as RelationshipRecord;
}
