import { cypher } from '../db/cypher';
import type { Database } from '../db/Database';
import type { Citation } from './model';
import { relationshipKey, type SeedData } from './loadSeedFiles';
import { foldForMatching, sortKey } from '../text/fold';

export interface SeedWriteSummary {
  sources: number;
  entities: number;
  relationships: number;
  figures: number;
  deletedNodes: number;
  deletedRelationships: number;
}

/** Provenance as stored on nodes and relationships: parallel lists, one entry per citation. */
function provenance(sources: Citation[]): { sourceDocs: string[]; quotes: string[] } {
  return { sourceDocs: sources.map((s) => s.doc), quotes: sources.map((s) => s.quote) };
}

/** Why a derived relationship holds: what the curator's field says, not what the quote says. */
export const DERIVED_NOTES = {
  partOf: "Derived from the region's partOf field: geography, not stated by the quote.",
  broader: "Derived from the theme's broader field: the project's theme taxonomy.",
  parent: "Derived from the focus area's parent field: the quote is the focus area's heading under its priority.",
  strategy: "Derived from the priority's strategy field: the quote is the priority as its strategy lists it.",
} as const;

function aliasKeys(record: { id: string; name: string; nameEn: string; aliases: string[] }): string[] {
  const own = new Set([record.id, record.name, record.nameEn].map(foldForMatching));
  return [...new Set(record.aliases.map(foldForMatching))].filter((key) => !own.has(key));
}

function compact(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/**
 * Turns validated seed data into the parameters of the upsert queries. `origin` marks where the
 * records came from: 'seed' (the loader; a reload deletes what seed/ no longer has) or 'api' (a
 * curated write through the API, src/mutations, which a reload leaves alone).
 */
export function toWriteParams(data: SeedData, origin = 'seed') {
  const sources = data.sources.map((s) => compact({ ...s, origin }));
  const entities = data.entities.map(({ label, record }) => ({
    label,
    props: compact({
      id: record.id,
      name: record.name,
      nameEn: record.nameEn,
      aliases: record.aliases,
      // Full-text indexes cannot index lists: the aliases are indexed as one text.
      aliasText: record.aliases.join(' | '),
      description: record.description,
      website: record.website,
      kind: record.kind,
      year: record.year,
      validFrom: record.validFrom,
      validTo: record.validTo,
      order: record.order,
      sortKey: sortKey(record.name),
      // Every name a client may use for the entity, folded: its slug, names and aliases.
      matchKeys: [...new Set([record.id, record.name, record.nameEn, ...record.aliases].map(foldForMatching))],
      // The aliases that differ from the entity's own names, folded: the data report finds one
      // that names another entity too (two entities of different kinds may share a name).
      aliasKeys: aliasKeys(record),
      ...provenance(record.sources),
      origin,
    }),
  }));

  const relationship = (
    from: string,
    type: string,
    to: string,
    extra: Record<string, unknown>,
    sources: Citation[],
    role?: string,
  ) => {
    const key = relationshipKey(from, type, to, role);
    return { from, to, type, props: compact({ key, role, ...extra, ...provenance(sources), origin }) };
  };
  const relationships = data.relationships.map((r) =>
    relationship(
      r.from,
      r.type,
      r.to,
      {
        amount: r.amount,
        currency: r.currency,
        validFrom: r.validFrom,
        validTo: r.validTo,
        basis: r.basis,
        basisNote: r.basisNote,
        derived: false,
      },
      r.sources,
      r.role,
    ),
  );
  // Relationships that entity fields imply, with the entity's own sources as their provenance.
  // They say they are derived, and on what basis: the quote names the entity, not the relation.
  const derived = (basis: string, basisNote: string) => ({ basis, basisNote, derived: true });
  for (const { label, record } of data.entities) {
    if (record.partOf) {
      relationships.push(relationship(record.id, 'PART_OF', record.partOf, derived('INFERRED', DERIVED_NOTES.partOf), record.sources));
    }
    if (record.broader) {
      relationships.push(
        relationship(record.id, 'SUBTHEME_OF', record.broader, derived('INFERRED', DERIVED_NOTES.broader), record.sources),
      );
    }
    if (label === 'Priority' && record.parent) {
      relationships.push(
        relationship(record.parent, 'HAS_FOCUS_AREA', record.id, derived('IMPLIED', DERIVED_NOTES.parent), record.sources),
      );
    } else if (label === 'Priority' && record.strategy) {
      relationships.push(
        relationship(record.strategy, 'PRIORITISES', record.id, derived('IMPLIED', DERIVED_NOTES.strategy), record.sources),
      );
    }
  }
  // A curator may state a derived relationship explicitly too: keep one, the explicit one.
  const unique = [...new Map(relationships.reverse().map((r) => [r.props.key as string, r])).values()].reverse();

  const figures = data.figures.map((f) => ({
    subject: f.subject,
    key: relationshipKey(f.subject, 'HAS_FIGURE', f.id),
    props: compact({
      id: f.id,
      metric: f.metric,
      value: f.value,
      unit: f.unit,
      date: f.date,
      note: f.note,
      basis: f.basis,
      basisNote: f.basisNote,
      ...provenance(f.sources),
      origin,
    }),
  }));
  return { sources, entities, relationships: unique, figures };
}

/**
 * Makes the graph's curated part equal to `data`, in one write transaction: everything is
 * created or replaced by stable id (MERGE), and what came from seed/ before but is gone now is
 * deleted. Running it twice gives the same graph; if any statement fails, nothing is changed.
 */
export async function writeSeed(db: Database, data: SeedData): Promise<SeedWriteSummary> {
  const params = toWriteParams(data);
  const relationshipKeys = [...params.relationships.map((r) => r.props.key), ...params.figures.map((f) => f.key)];
  const nodeIds = [
    ...params.sources.map((s) => s.id),
    ...params.entities.map((e) => e.props.id),
    ...params.figures.map((f) => f.props.id),
  ];
  return db.writeTransaction(async (tx) => {
    await tx.run(cypher('seed/upsertSources'), { sources: params.sources });
    await tx.run(cypher('seed/upsertEntities'), { entities: params.entities });
    await tx.run(cypher('seed/upsertRelationships'), { relationships: params.relationships });
    await tx.run(cypher('seed/upsertFigures'), { figures: params.figures });
    const [deleted] = await tx.run(cypher('seed/deleteStale'), { relationshipKeys, nodeIds });
    return {
      sources: params.sources.length,
      entities: params.entities.length,
      relationships: params.relationships.length,
      figures: params.figures.length,
      deletedNodes: Number(deleted?.deletedNodes ?? 0),
      deletedRelationships: Number(deleted?.deletedRelationships ?? 0),
    };
  });
}

/** True when the graph already holds curated entities. */
export async function isGraphSeeded(db: Database): Promise<boolean> {
  const [row] = await db.read(cypher('seed/isGraphSeeded'));
  return row?.seeded === true;
}
