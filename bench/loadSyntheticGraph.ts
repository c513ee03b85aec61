import crypto from 'node:crypto';
import { applySchema } from '../src/db/applySchema';
import { cypher } from '../src/db/cypher';
import type { Database } from '../src/db/Database';
import { toWriteParams } from '../src/seed/writeSeed';
import type { SyntheticGraph } from './syntheticGraph';

/** The synthetic graph's provenance marker: never mistaken for curated data (origin 'seed'). */
export const SYNTHETIC_ORIGIN = 'synthetic';

const ENTITY_BATCH = 5_000;
const RELATIONSHIP_BATCH = 10_000;

export interface GraphShape {
  entities: number;
  relationships: number;
  actors: number;
  meanDegree: number;
  medianDegree: number;
  p99Degree: number;
  maxDegree: number;
}

export interface LoadSummary {
  shape: GraphShape;
  /** sha256 over every entity id and relationship key in generation order: equal for equal graphs. */
  fingerprint: string;
  seconds: number;
}

/** Thrown when the target database holds curated data: the benchmark never empties that. */
export class CuratedDataError extends Error {
  override name = 'CuratedDataError';
}

function synthetic<T extends { props: Record<string, unknown> }>(rows: T[]): T[] {
  for (const row of rows) row.props.origin = SYNTHETIC_ORIGIN;
  return rows;
}

/**
 * Empties the benchmark database and loads `graph` into it in UNWIND batches (cypher/bench/),
 * with node and relationship properties made by the seed loader's own toWriteParams, so they are
 * exactly those of curated data. Refuses, with CuratedDataError, a database that holds curated
 * data. Applies cypher/schema.cypher first (the id constraint speeds up the relationship
 * MATCHes) and waits for every index, the full-text one included, before it returns.
 */
export async function loadSyntheticGraph(
  db: Database,
  graph: SyntheticGraph,
  log: (message: string) => void = () => undefined,
): Promise<LoadSummary> {
  const started = Date.now();
  const [guard] = await db.read(cypher('bench/hasCuratedData'));
  if (guard?.curated === true) {
    throw new CuratedDataError(
      `The database at ${db.uri} holds curated data (origin "seed"); the benchmark only loads into its own, empty Neo4j.`,
    );
  }
  await db.runSchemaStatement(cypher('bench/deleteAll').text);
  await applySchema(db);
  const hash = crypto.createHash('sha256');
  const empty = { sources: [], entities: [], relationships: [], figures: [] };

  const { sources } = toWriteParams({ ...empty, sources: graph.sources() });
  await db.write(cypher('bench/createSources'), { sources: sources.map((s) => ({ ...s, origin: SYNTHETIC_ORIGIN })) });

  // Regions, themes and priorities imply PART_OF, SUBTHEME_OF and PRIORITISES: written after
  // every entity exists.
  const derived: ReturnType<typeof toWriteParams>['relationships'] = [];
  let entityCount = 0;
  for (const batch of graph.entityBatches(ENTITY_BATCH)) {
    const params = toWriteParams({ ...empty, entities: batch });
    for (const e of params.entities) hash.update(`${e.props.id as string}\n`);
    await db.write(cypher('bench/createEntities'), { entities: synthetic(params.entities) });
    derived.push(...params.relationships);
    entityCount += batch.length;
  }
  log(`  ${entityCount} entities written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  let relationshipCount = 0;
  const writeRelationships = async (relationships: ReturnType<typeof toWriteParams>['relationships']) => {
    for (const r of relationships) hash.update(`${r.props.key as string}\n`);
    await db.write(cypher('bench/createRelationships'), { relationships: synthetic(relationships) });
    relationshipCount += relationships.length;
  };
  await writeRelationships(derived);
  for (const batch of graph.relationshipBatches(RELATIONSHIP_BATCH)) {
    await writeRelationships(toWriteParams({ ...empty, relationships: batch }).relationships);
  }
  log(`  ${relationshipCount} relationships written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const batch of graph.figureBatches(ENTITY_BATCH)) {
    const { figures } = toWriteParams({ ...empty, figures: batch });
    await db.write(cypher('bench/createFigures'), { figures: synthetic(figures) });
  }
  await db.runSchemaStatement('CALL db.awaitIndexes(600)');
  const [shape] = await db.read(cypher('bench/graphShape'));
  return {
    shape: shape as unknown as GraphShape,
    fingerprint: hash.digest('hex'),
    seconds: (Date.now() - started) / 1000,
  };
}
