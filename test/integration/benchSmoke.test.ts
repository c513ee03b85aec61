import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstDifference } from '../../bench/check';
import { CuratedDataError, loadSyntheticGraph, SYNTHETIC_ORIGIN } from '../../bench/loadSyntheticGraph';
import { runBenchmark } from '../../bench/runBenchmark';
import { SyntheticGraph } from '../../bench/syntheticGraph';
import { prepareDatabase } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { DERIVED_RELATIONSHIP_TYPES, ENTITY_LABELS, RELATIONSHIP_TYPES } from '../../src/seed/model';
import { connectTestDatabase, emptyGraph } from './harness';

/**
 * Keeps `npm run bench` from rotting: the generator, the loader and the whole benchmark run at a
 * tiny size with very short runs. Only correctness is asserted (same data from the systems, a
 * report written); timings are the benchmark's business, never a test's.
 */

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
});
afterAll(async () => {
  await emptyGraph(db);
  await db.close();
});

function records(graph: SyntheticGraph) {
  return {
    entities: [...graph.entityBatches(500)].flat().map((e) => ({ label: e.label, ...e.record })),
    relationships: [...graph.relationshipBatches(500)].flat().map((r) => r.key),
    figures: [...graph.figureBatches(500)].flat().map((f) => f.id),
  };
}

test('the synthetic graph is deterministic: one seed gives the same records, another seed others', () => {
  const first = records(new SyntheticGraph({ actors: 300, seed: 1 }));
  expect(records(new SyntheticGraph({ actors: 300, seed: 1 }))).toEqual(first);
  expect(records(new SyntheticGraph({ actors: 300, seed: 2 })).relationships).not.toEqual(first.relationships);
  expect(first.entities.filter((e) => e.label === 'Actor')).toHaveLength(300);
  expect(new Set(first.entities.map((e) => e.label))).toEqual(new Set(ENTITY_LABELS));
  const types = new Set(first.relationships.map((key) => key.split('|')[1]));
  for (const type of types) expect([...RELATIONSHIP_TYPES, ...DERIVED_RELATIONSHIP_TYPES]).toContain(type);
});

test('the loader refuses a database that holds curated data, and writes curated-shaped nodes otherwise', async () => {
  await prepareDatabase(db, { reloadSeed: true, seedDir: 'test/fixtures/seed-small', documentsDir: 'seed/documents' });
  await expect(loadSyntheticGraph(db, new SyntheticGraph({ actors: 60, seed: 3 }))).rejects.toBeInstanceOf(
    CuratedDataError,
  );
  await emptyGraph(db);

  const summary = await loadSyntheticGraph(db, new SyntheticGraph({ actors: 60, seed: 3 }));
  expect(summary.shape.actors).toBe(60);
  const rows = await db.read(cypher('bench/actorProperties'));
  expect(rows).toHaveLength(60);
  for (const row of rows) {
    expect(row.origin).toBe(SYNTHETIC_ORIGIN);
    expect(typeof row.sortKey).toBe('string');
    expect((row.matchKeys as string[]).length).toBeGreaterThan(0);
    expect(typeof row.aliasText).toBe('string');
    expect(row.provenance).toBe(true);
  }
  // Loading the same graph again gives the same graph.
  expect((await loadSyntheticGraph(db, new SyntheticGraph({ actors: 60, seed: 3 }))).fingerprint).toBe(
    summary.fingerprint,
  );
});

test('firstDifference names where two answers differ', () => {
  expect(firstDifference([{ id: 'a', themes: [{ id: 'x' }] }], [{ id: 'a', themes: [{ id: 'y' }] }])).toBe(
    '[0].themes[0].id: "x" vs "y"',
  );
  expect(firstDifference({ total: 3 }, { total: 3, extra: 1 })).toBe('.extra: undefined vs 1');
});

test('the benchmark runs every workload at a tiny size: (a) returns the same data as (b) and (c), and the report is written', async () => {
  const { external } = loadConfig(process.env, 'test');
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medicon-bench-smoke-'));
  try {
    const { result, reportFile } = await runBenchmark({
      sizes: [200],
      seed: 7,
      seconds: 0.2,
      rounds: 1,
      warmupSeconds: 0.1,
      concurrencies: [1, 2],
      neo4j: { uri: external!.uri, user: external!.user, password: external!.password },
      neo4jDescription: 'the test database',
      resultsDir,
      reportName: 'smoke',
      command: 'jest benchSmoke',
      log: () => undefined,
    });
    const [size] = result.sizes;
    expect(size!.workloads.map((w) => w.id)).toEqual([
      'w1-member-page',
      'w2-fan-out',
      'w3-page-1',
      'w3-deep-page',
      'w4-filter-count',
      'w5-search',
      'w6-supporters',
      'w7-paths',
      'w8-neighbourhood',
      'w9-typed-fields',
    ]);
    // @neo4j/graphql's schema cannot ask for supporters, paths or a neighbourhood: those are (a) against (c).
    const libraryAsked = (id: string) => !['w6-supporters', 'w7-paths', 'w8-neighbourhood'].includes(id);
    for (const workload of size!.workloads) {
      const { id } = workload;
      expect({ id, errors: workload.check.errors }).toEqual({ id, errors: {} });
      expect({ id, equal: workload.check.apiEqualsLibrary }).toEqual({ id, equal: libraryAsked(id) });
      expect({ id, notAsked: Object.keys(workload.check.unsupported ?? {}) }).toEqual({
        id,
        notAsked: libraryAsked(id) ? [] : ['library'],
      });
      expect({ id, equal: workload.check.apiEqualsCypher }).toEqual({ id, equal: true });
      expect(workload.check.roundTrips.cypher).toBe(1);
      expect(workload.check.roundTrips.api).toBeGreaterThanOrEqual(1);
      if (libraryAsked(id)) expect(workload.check.roundTrips.library).toBeGreaterThanOrEqual(1);
      for (const system of ['api', 'library', 'cypher'] as const) {
        const timed = system !== 'library' || libraryAsked(id);
        expect({ id, system, runs: Object.keys(workload.measurements[system] ?? {}) }).toEqual({
          id,
          system,
          runs: timed ? ['1', '2'] : [],
        });
      }
    }
    const report = fs.readFileSync(reportFile, 'utf8');
    for (const workload of size!.workloads) expect(report).toContain(`### ${workload.id}`);
    expect(report).toContain('## Targets');
    const json = JSON.parse(fs.readFileSync(path.join(resultsDir, 'smoke.json'), 'utf8')) as {
      sizes: { actors: number }[];
    };
    expect(json.sizes[0]!.actors).toBe(200);
  } finally {
    fs.rmSync(resultsDir, { recursive: true, force: true });
  }
}, 300_000);
