import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import YAML from 'yaml';
import { parseWriteTokens } from '../../src/auth';
import { prepareDatabase, SEED_DIR } from '../../src/bootstrap';
import { exportGraph, importGraph } from '../../src/backup/graphExport';
import { dumpLocalDatabase, loadLocalDatabase } from '../../src/backup/localDump';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { Database } from '../../src/db/Database';
import { BackupError } from '../../src/errors';
import { instanceDir, startLocalNeo4j, stopLocalNeo4j, type LocalInstance } from '../../src/neo4j/localServer';
import { checkWithSeed, exportCuration } from '../../src/seed/curationExport';
import { graphFingerprint } from '../graphFingerprint';
import { removeTempDirs, tempDir } from '../tempDirs';
import {
  emptyGraph,
  postGraphQL,
  startSeededServer,
  startTestServer,
  stopSeededServer,
  type TestServer,
} from './harness';

/**
 * Backups that restore, and the curation round trip: writes made through the API are backed
 * up, the graph is wiped, and the restore gives back the same graph (fingerprint: every node and
 * relationship with its properties and their Neo4j types); the API's records exported as seed
 * YAML and reloaded with seed/ into an empty graph give the same records.
 *
 * The online export runs against the shared test database; the dump, which needs its server
 * stopped, against a Neo4j of its own that this file starts (its own folder and port), so the
 * shared test server is never stopped.
 */
const TOKEN = 'curator-token-0123456789abcdef';
const asCurator = { authorization: `Bearer ${TOKEN}` };
const DOCUMENTS = path.join(SEED_DIR, 'documents');
const DOC = '000_aefb97ef1588826a.txt';

const M = {
  createActor: `mutation ($input: CreateActorInput!) { createActor(input: $input) { slug } }`,
  updateActor: `mutation ($input: UpdateActorInput!) { updateActor(input: $input) { slug } }`,
  createInitiative: `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { slug } }`,
  createRelationship: `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { type } }`,
};

async function mutate(server: TestServer, name: keyof typeof M, input: Record<string, unknown>): Promise<void> {
  const { body } = await postGraphQL(server, M[name], { input }, asCurator);
  expect(body.errors).toBeUndefined();
}

/** A curator's session: two entities, relationships to and between seeded ones, an update. */
async function curate(server: TestServer): Promise<void> {
  await mutate(server, 'createActor', {
    slug: 'acme-biologics',
    kind: 'COMPANY',
    name: 'Acme Biologics AB',
    nameEn: 'Acme Biologics',
    aliases: ['Acme'],
    locatedIn: ['skane'],
    // An http:// page: the API takes it, so the seed loader must take it back from the export.
    sources: [{ document: 'http://example.org/news/acme', quote: 'Acme Biologics opened its first lab in Lund.' }],
  });
  await mutate(server, 'updateActor', {
    id: 'acme-biologics',
    description: 'A biologics start-up in Lund.',
    website: 'https://example.org/acme',
    sources: [{ document: DOC, quote: 'There is also a diversified business environment' }],
  });
  await mutate(server, 'createInitiative', {
    slug: 'acme-accelerator',
    kind: 'PROGRAMME',
    name: 'Acme-acceleratorn',
    nameEn: 'Acme accelerator',
    validFrom: '2024-03',
    validTo: '2026',
    sources: [{ document: 'https://example.org/acme-accelerator', quote: 'The accelerator opens in March 2024.' }],
  });
  await mutate(server, 'createRelationship', {
    from: 'lund-university',
    type: 'SUPPORTS',
    to: 'acme-biologics',
    role: 'advisor',
    amount: 250000,
    currency: 'SEK',
    validFrom: '2024',
    basis: 'IMPLIED',
    sources: [{ document: DOC, quote: 'There is also a diversified business environment' }],
  });
  await mutate(server, 'createRelationship', {
    from: 'acme-biologics',
    type: 'PARTNER_IN',
    to: 'acme-accelerator',
    basis: 'INFERRED',
    basisNote: 'The accelerator is named after its partner.',
    sources: [{ document: 'https://example.org/acme-accelerator', quote: 'The accelerator opens in March 2024.' }],
  });
}

const ACME = '{ entity(ref: "acme-biologics") { name ... on Actor { website } } }';

describe('the online export (JSON lines through the driver), on the shared test database', () => {
  let db: Database;
  let readOnly: TestServer;
  let server: TestServer;
  beforeAll(async () => {
    ({ db, server: readOnly } = await startSeededServer());
    server = await startTestServer(db, { settings: { writeTokens: parseWriteTokens(`curator=${TOKEN}`) } });
    await curate(server);
  });
  afterAll(async () => {
    removeTempDirs();
    await server?.close();
    await stopSeededServer(db, readOnly);
  });

  test('writes through the API, export, wipe, restore: the same graph, and the API serves it', async () => {
    const before = await graphFingerprint(db);
    const file = path.join(tempDir('backup'), 'graph.jsonl');
    expect(await exportGraph(db, file)).toEqual({ nodes: before.nodes, relationships: before.relationships });

    await emptyGraph(db);
    expect((await graphFingerprint(db)).nodes).toBe(0);
    expect((await postGraphQL(readOnly, ACME)).body.data).toEqual({ entity: null });

    expect(await importGraph(db, file)).toEqual({ nodes: before.nodes, relationships: before.relationships });
    expect(await graphFingerprint(db)).toEqual(before);
    expect((await postGraphQL(readOnly, ACME)).body.data).toEqual({
      entity: { name: 'Acme Biologics AB', website: 'https://example.org/acme' },
    });
  });

  test('a missing, foreign, damaged or truncated file is refused with a BackupError and the graph untouched', async () => {
    const before = await graphFingerprint(db);
    const dir = tempDir('backup-bad');
    const good = path.join(dir, 'good.jsonl');
    await exportGraph(db, good);
    const lines = fs.readFileSync(good, 'utf8').trimEnd().split('\n');
    const bad = {
      missing: [path.join(dir, 'nothing-here.jsonl'), /There is no backup file/],
      foreign: [path.join(dir, 'foreign.jsonl'), /is not a graph export/, '{"hello":"world"}\n'],
      notJson: [
        path.join(dir, 'not-json.jsonl'),
        /line 3: not JSON/,
        [lines[0], lines[1], '{"node":', ...lines.slice(3)].join('\n'),
      ],
      truncated: [path.join(dir, 'truncated.jsonl'), /is incomplete/, lines.slice(0, -5).join('\n')],
      unknownTag: [
        path.join(dir, 'tag.jsonl'),
        /line 2: not a node or relationship .*Unknown value tag "\$nope"/,
        [lines[0], '{"node":{"key":"x","labels":["Thing"],"props":{"id":{"$nope":1}}}}', ...lines.slice(2)].join('\n'),
      ],
      injectedLabel: [
        path.join(dir, 'label.jsonl'),
        /line 2: .*must be a Neo4j label or type name/,
        [lines[0], '{"node":{"key":"x","labels":["Actor`) DETACH DELETE (n"],"props":{}}}', ...lines.slice(2)].join(
          '\n',
        ),
      ],
    } as const;
    for (const [file, message, content] of Object.values(bad) as unknown as [string, RegExp, string?][]) {
      if (content !== undefined) fs.writeFileSync(file, content);
      await expect(importGraph(db, file)).rejects.toThrow(BackupError);
      await expect(importGraph(db, file)).rejects.toThrow(message);
    }
    expect(await graphFingerprint(db)).toEqual(before);
  });

  test('npm run restore refuses a bad file with one line and exit code 1, the graph untouched', async () => {
    const before = await graphFingerprint(db);
    const dir = tempDir('restore-cli');
    const truncated = path.join(dir, 'truncated.jsonl');
    await exportGraph(db, truncated);
    const lines = fs.readFileSync(truncated, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(truncated, lines.slice(0, -1).join('\n'));
    const garbage = path.join(dir, 'garbage.dump');
    fs.writeFileSync(garbage, 'not a backup at all\n');
    const config = loadConfig(process.env, 'test').external!;
    const env = {
      ...process.env,
      NEO4J_URI: config.uri,
      NEO4J_USER: config.user,
      NEO4J_PASSWORD: config.password,
      ...(config.database ? { NEO4J_DATABASE: config.database } : {}),
    };
    const restore = (file: string) =>
      spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'scripts', 'restore.js'), file], {
        env,
        encoding: 'utf8',
      });
    for (const [file, message] of [
      [truncated, /^error: ".*truncated\.jsonl" is incomplete: its header announces \d+ nodes and \d+ relationships/],
      [
        garbage,
        /^error: ".*garbage\.dump" is not a graph export, and a dump can only be loaded into the project's own Neo4j/,
      ],
      [path.join(dir, 'absent.jsonl'), /^error: There is no backup file ".*absent\.jsonl"\.$/],
    ] as const) {
      const run = restore(file);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(message);
    }
    expect(await graphFingerprint(db)).toEqual(before);
  }, 120_000);
});

describe('the curation round trip: API writes as seed YAML, reloaded with seed/', () => {
  let db: Database;
  let readOnly: TestServer;
  let server: TestServer;
  beforeAll(async () => {
    ({ db, server: readOnly } = await startSeededServer());
    server = await startTestServer(db, { settings: { writeTokens: parseWriteTokens(`curator=${TOKEN}`) } });
  });
  afterAll(async () => {
    removeTempDirs();
    await server?.close();
    await stopSeededServer(db, readOnly);
  });

  test('the export reloaded with seed/ into a wiped graph gives the same records', async () => {
    await curate(server);
    // A change to a seeded record keeps origin 'seed': not part of the export (see curationExport.ts).
    await mutate(server, 'updateActor', {
      id: 'lund-university',
      description: 'Changed.',
      sources: [{ document: DOC, quote: 'There is also a diversified business environment' }],
    });
    // The audit trail is the API's own record, and a reload marks what it writes as seed/'s.
    const same = { ignoreLabels: ['AuditEvent'], ignoreProperties: ['origin'] };

    const file = path.join(tempDir('curation'), 'curation.yaml');
    expect(await exportCuration(db, file, 'the test database')).toEqual({ entities: 2, relationships: 3 });
    const exported = YAML.parse(fs.readFileSync(file, 'utf8'));
    expect(exported.actors.map((a: { id: string }) => a.id)).toEqual(['acme-biologics']);
    expect(exported.actors[0].sources).toEqual([
      { doc: 'http://example.org/news/acme', quote: 'Acme Biologics opened its first lab in Lund.' },
      { doc: DOC, quote: 'There is also a diversified business environment' },
    ]);
    expect(exported.initiatives.map((a: { id: string }) => a.id)).toEqual(['acme-accelerator']);
    expect(
      exported.relationships.map((r: { from: string; type: string; to: string }) => `${r.from} ${r.type} ${r.to}`),
    ).toEqual([
      'acme-biologics LOCATED_IN skane',
      'acme-biologics PARTNER_IN acme-accelerator',
      'lund-university SUPPORTS acme-biologics',
    ]);
    expect(checkWithSeed(file, SEED_DIR).entities.length).toBeGreaterThan(2);

    // The seed as it is with the export added, in a scratch seed folder.
    const seedDir = tempDir('seed-with-curation');
    for (const name of fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.yaml'))) {
      fs.copyFileSync(path.join(SEED_DIR, name), path.join(seedDir, name));
    }
    fs.copyFileSync(file, path.join(seedDir, 'curation.yaml'));

    // What the graph holds now, but for the seeded record the API changed (a reload restores it).
    await prepareDatabase(db, { reloadSeed: true });
    const expected = await graphFingerprint(db, same);
    await emptyGraph(db);
    await prepareDatabase(db, { reloadSeed: true, seedDir, documentsDir: DOCUMENTS });
    expect(await graphFingerprint(db, same)).toEqual(expected);
    expect((await postGraphQL(readOnly, ACME)).body.data).toEqual({
      entity: { name: 'Acme Biologics AB', website: 'https://example.org/acme' },
    });

    // The seed without the export has none of it: the records came from the file.
    await emptyGraph(db);
    await prepareDatabase(db, { reloadSeed: true });
    expect((await postGraphQL(readOnly, ACME)).body.data).toEqual({ entity: null });
  });

  test('with nothing written through the API there is nothing to export', async () => {
    await emptyGraph(db);
    await prepareDatabase(db, { reloadSeed: true });
    const file = path.join(tempDir('curation-empty'), 'curation.yaml');
    expect(await exportCuration(db, file, 'the test database')).toEqual({ entities: 0, relationships: 0 });
    expect(fs.existsSync(file)).toBe(false);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

describe('the dump (neo4j-admin, server stopped and restarted), on a Neo4j of its own', () => {
  let instance: LocalInstance;
  let connection: Awaited<ReturnType<typeof startLocalNeo4j>>;
  const connect = () =>
    Database.connect({
      uri: connection.uri,
      user: connection.user,
      password: connection.password,
      database: undefined,
    });

  beforeAll(async () => {
    const { local } = loadConfig(process.env, 'test');
    instance = {
      name: 'backup-test',
      settings: { ...local, boltPort: await freePort(), heapSize: '512m', pageCacheSize: '128m' },
    };
    fs.rmSync(instanceDir(instance), { recursive: true, force: true });
    connection = await startLocalNeo4j(instance);
  }, 300_000);
  afterAll(async () => {
    removeTempDirs();
    if (instance) {
      await stopLocalNeo4j(instance);
      fs.rmSync(instanceDir(instance), { recursive: true, force: true });
    }
  }, 120_000);

  test('writes through the API, dump, wipe, load: the same graph; a bad dump is refused and changes nothing', async () => {
    const dir = tempDir('dump');
    let db = await connect();
    await prepareDatabase(db, { reloadSeed: true });
    const server = await startTestServer(db, { settings: { writeTokens: parseWriteTokens(`curator=${TOKEN}`) } });
    await curate(server);
    await server.close();
    const before = await graphFingerprint(db);
    await db.close();

    const dump = path.join(dir, 'graph.dump');
    await dumpLocalDatabase(instance, dump);
    expect(fs.statSync(dump).size).toBeGreaterThan(0);

    db = await connect(); // the server was restarted: a new driver
    expect(await graphFingerprint(db)).toEqual(before);
    await emptyGraph(db);
    const wiped = await graphFingerprint(db);
    expect(wiped.nodes).toBe(0);
    await db.close();

    const { safetyDump } = await loadLocalDatabase(instance, dump, path.join(dir, 'safety.dump'));
    expect(safetyDump).toBe(path.join(dir, 'safety.dump'));
    db = await connect();
    expect(await graphFingerprint(db)).toEqual(before);
    await db.close();

    // Not a dump at all: refused by the check, before the server is stopped.
    const garbage = path.join(dir, 'garbage.dump');
    fs.writeFileSync(garbage, 'not a dump\n');
    await expect(loadLocalDatabase(instance, garbage, path.join(dir, 'safety-2.dump'))).rejects.toThrow(
      /is not a Neo4j dump or graph export/,
    );
    expect(fs.existsSync(path.join(dir, 'safety-2.dump'))).toBe(false);
    await expect(loadLocalDatabase(instance, path.join(dir, 'absent.dump'), undefined)).rejects.toThrow(
      /There is no backup file/,
    );

    // A truncated dump passes the check (its header is whole) and fails to load: put back.
    const truncated = path.join(dir, 'truncated.dump');
    fs.writeFileSync(truncated, fs.readFileSync(dump).subarray(0, Math.floor(fs.statSync(dump).size / 2)));
    await expect(loadLocalDatabase(instance, truncated, path.join(dir, 'safety-3.dump'))).rejects.toThrow(
      /could not load .*truncated\.dump"; the database is as it was \(put back from/,
    );
    db = await connect();
    expect(await graphFingerprint(db)).toEqual(before);
    await db.close();
  }, 900_000);
});
