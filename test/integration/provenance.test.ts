import fs from 'node:fs';
import path from 'node:path';
import { SEED_DIR } from '../../src/bootstrap';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { normaliseWhitespace } from '../../src/seed/loadSeedFiles';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';
import { seedGraph } from './seedGraph';

/**
 * Provenance, read back from Neo4j: every fact in the graph cites a document and a quote that
 * stands in it, and a sample of facts from each of the five documents is answered by the API
 * with its quote.
 */
let db: Database;
let server: TestServer;
const g = seedGraph();
const DOCUMENTS = path.join(SEED_DIR, 'documents');

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

test('every citation in the graph names a document whose text holds the quote', async () => {
  const rows = await db.read(cypher('test/allCitations'));
  expect(rows.length).toBeGreaterThan(300);
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const row of rows) {
    const docs = row.docs as string[];
    const quotes = row.quotes as string[];
    expect(docs.length).toBeGreaterThan(0);
    expect(quotes).toHaveLength(docs.length);
    docs.forEach((doc, i) => {
      if (doc.startsWith('https://')) return;
      if (!texts.has(doc)) texts.set(doc, normaliseWhitespace(fs.readFileSync(path.join(DOCUMENTS, doc), 'utf8')));
      if (!texts.get(doc)!.includes(normaliseWhitespace(quotes[i]!))) missing.push(`${String(row.fact)}: ${quotes[i]}`);
    });
  }
  expect(missing).toEqual([]);
});

const documents = g.data.sources.map((s) => s.id);

test('facts from all five documents are in the graph', () => {
  expect(documents.sort()).toEqual(
    fs
      .readdirSync(DOCUMENTS)
      .filter((f) => f.endsWith('.txt'))
      .sort(),
  );
});

test.each(documents)('a sample of the facts from %s is answered by the API with its quote', async (doc) => {
  const citing = g.data.relationships.filter(
    (r) => r.sources.some((s) => s.doc === doc) && r.type !== 'COLLABORATES_WITH',
  );
  expect(citing.length).toBeGreaterThan(0);
  // Every fifth fact, at most eight: a spread over the whole file, the same on every run.
  const sample = citing.filter((_, i) => i % 5 === 0).slice(0, 8);
  for (const fact of sample) {
    const asked = fact.type === 'NOT_MEMBER_OF' ? 'MEMBER_OF' : fact.type;
    const { body } = await postGraphQL<any>(
      server,
      'query ($s: ID!, $t: RelationshipType!, $o: ID!) { fact(subject: $s, type: $t, object: $o) { answer sources { document quote } } }',
      { s: fact.from, t: asked, o: fact.to },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.fact.answer).toBe(fact.type === 'NOT_MEMBER_OF' ? 'NO' : 'YES');
    const quote = fact.sources.find((s) => s.doc === doc)!.quote;
    expect(body.data.fact.sources).toContainEqual({ document: doc, quote });
  }
});
