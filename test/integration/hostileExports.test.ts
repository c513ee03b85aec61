import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { parseWriteTokens } from '../../src/auth';
import type { Database } from '../../src/db/Database';
import { EXPORT_FORMATS } from '../../src/export/formats';
import {
  CONTROL_CHARACTER,
  GRAPH_SELECTION_WITH_METRICS,
  ROUND_TRIP_CHECKS,
  withPositions,
  type GraphShape,
} from '../exportRoundTrip';
import { postGraphQL, startSeededServer, startTestServer, stopSeededServer, type TestServer } from './harness';

/**
 * Issue 14, finding 2: an entity written through the API with names built to attack the
 * programs that open the exports (spreadsheet formulas, control characters), then exported in
 * every format and read back with independent parsers (csv-parse, fast-xml-parser, JSON.parse and
 * the round-trip checks of test/exportRoundTrip.ts). No CSV cell may start a formula; no file may
 * carry a control character; the other formats keep the text as it was written, less those.
 */
let db: Database;
let readOnly: TestServer;
let server: TestServer;

const TOKEN = 'export-curator-token-0123456789';
const asCurator = { authorization: `Bearer ${TOKEN}` };

const HYPERLINK = '=HYPERLINK("http://example.invalid/x","click")';
const HOSTILE = {
  slug: 'hostile-export-actor',
  kind: 'COMPANY',
  name: HYPERLINK,
  nameEn: "+cmd|' /C calc'!A0",
  aliases: ['@SUM(1)', 'nul\u0000and\u0007bel', '-2+3'],
  description: '\u0000=1+1 behind a NUL, a BEL\u0007 and an escape\u001b[31m',
  sources: [{ document: 'https://example.org/hostile', quote: '@quote\u0007 with a bell' }],
};
const ROLE = '=1+1';

beforeAll(async () => {
  ({ db, server: readOnly } = await startSeededServer());
  server = await startTestServer(db, { settings: { writeTokens: parseWriteTokens(`curator=${TOKEN}`) } });
  const created = await postGraphQL(
    server,
    'mutation ($input: CreateActorInput!) { createActor(input: $input) { slug name aliases } }',
    { input: HOSTILE },
    asCurator,
  );
  expect(created.body.errors).toBeUndefined();
  // Stored as written: the API keeps what curators give; the exports make it safe to open.
  expect(created.body.data.createActor).toEqual({ slug: HOSTILE.slug, name: HYPERLINK, aliases: HOSTILE.aliases });
  const related = await postGraphQL(
    server,
    'mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { role } }',
    {
      input: {
        from: HOSTILE.slug,
        type: 'PARTNER_IN',
        to: 'lund-university',
        role: ROLE,
        basis: 'STATED',
        sources: [{ document: 'https://example.org/hostile', quote: '=quote' }],
      },
    },
    asCurator,
  );
  expect(related.body.errors).toBeUndefined();
  expect(related.body.data.createRelationship.role).toBe(ROLE);
});
afterAll(async () => {
  await server?.close();
  await stopSeededServer(db, readOnly);
});

const AROUND = `?around=${HOSTILE.slug}&depth=1`;

async function hostileGraph(): Promise<GraphShape> {
  // With the metrics and positions the exports write, so that every column is compared.
  const { body } = await postGraphQL<{ graph: Parameters<typeof withPositions>[0] }>(
    server,
    `{ graph(around: { ids: ["${HOSTILE.slug}"], depth: 1 }) { ${GRAPH_SELECTION_WITH_METRICS} } }`,
  );
  expect(body.errors).toBeUndefined();
  return withPositions(body.data!.graph);
}

async function download(format: string): Promise<string> {
  const response = await fetch(`${server.url}/export/${format}${AROUND}`);
  expect(response.status).toBe(200);
  return response.text();
}

const CSV_FORMATS = Object.keys(EXPORT_FORMATS).filter((name) =>
  EXPORT_FORMATS[name as keyof typeof EXPORT_FORMATS].contentType.startsWith('text/csv'),
);
const OTHER_FORMATS = Object.keys(EXPORT_FORMATS).filter((name) => !CSV_FORMATS.includes(name));

test('the hostile entity and its relationship are in the graph, as written', async () => {
  const graph = await hostileGraph();
  const node = graph.nodes.find((n) => n.attributes.slug === HOSTILE.slug)!;
  expect(node.label).toBe(HYPERLINK);
  expect(node.attributes.aliases).toEqual(HOSTILE.aliases);
  expect(graph.edges.map((e) => e.attributes.role)).toContain(ROLE);
  expect(CSV_FORMATS.sort()).toEqual(['gephi-edges', 'gephi-nodes', 'kumu-connections', 'kumu-elements']);
});

describe.each(CSV_FORMATS)('%s', (format) => {
  test('no cell starts a formula or holds a control character; the hostile values carry a leading quote', async () => {
    const text = await download(format);
    ROUND_TRIP_CHECKS[format]!(text, await hostileGraph());
    const cells = (parseCsv(text, { bom: true, relax_column_count: false }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells.filter((cell) => CONTROL_CHARACTER.test(cell))).toEqual([]);
    const expected =
      format.endsWith('nodes') || format.endsWith('elements')
        ? [
            `'${HYPERLINK}`,
            `'${HOSTILE.nameEn}`,
            "'@SUM(1)|nulandbel|-2+3",
            "'=1+1 behind a NUL, a BEL and an escape[31m",
          ]
        : [`'${ROLE}`, "'=quote"];
    for (const cell of expected) expect(cells).toContain(cell);
  });
});

describe.each(OTHER_FORMATS)('%s', (format) => {
  test('holds the names as written, without control characters', async () => {
    const text = await download(format);
    ROUND_TRIP_CHECKS[format]!(text, await hostileGraph());
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(
      format === 'graphml' || format === 'gexf'
        ? new XMLParser({ ignoreAttributes: false, parseAttributeValue: false, parseTagValue: false }).parse(text)
        : JSON.parse(text),
    );
    expect(strings.filter((s) => CONTROL_CHARACTER.test(s))).toEqual([]);
    for (const value of [HYPERLINK, ROLE, 'nulandbel', '=1+1 behind a NUL, a BEL and an escape[31m'])
      expect(strings.some((s) => s.includes(value))).toBe(true);
  });
});
