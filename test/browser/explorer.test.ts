import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { prepareDatabase, SEED_DIR } from '../../src/bootstrap';
import type { Database } from '../../src/db/Database';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { toWriteParams } from '../../src/seed/writeSeed';
import {
  GRAPH_SELECTION,
  GRAPH_SELECTION_WITH_METRICS,
  ROUND_TRIP_CHECKS,
  withPositions,
  type GraphShape,
} from '../exportRoundTrip';
import { connectTestDatabase, emptyGraph, postGraphQL, startTestServer, type TestServer } from '../integration/harness';
import { collectPageErrors, launchChromium, screenshot, SCREENSHOTS_DIR } from './chromium';

/**
 * The explorer page (/explore) in headless Chromium against the real server and the real seed:
 * it draws the seeded graph, search finds MAX IV, a click on a drawn node shows its quoted
 * sources, filters change the drawing, neighbours can be added, downloads produce files that
 * parse back as the view. Expected values come from the seed files and from the GraphQL API.
 */
let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

const seed = toWriteParams(loadSeedFiles(SEED_DIR));

async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await postGraphQL<T>(server, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const graphQuery = `query($filter: GraphFilter, $around: GraphAround) { graph(filter: $filter, around: $around) { ${GRAPH_SELECTION} } }`;
/** The same with the metrics and positions that the downloads carry. */
const graphQueryWithMetrics = `query($filter: GraphFilter, $around: GraphAround) { graph(filter: $filter, around: $around) { ${GRAPH_SELECTION_WITH_METRICS} } }`;

/** Waits until the page has finished what it was asked (body[data-state=ready]). */
async function settled(): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
}

async function drawnCounts(): Promise<{ nodes: number; edges: number; statusNodes: number }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { explorer: { cy: { nodes(): { length: number }; edges(): { length: number } } } })
      .explorer.cy;
    const status = document.getElementById('status')!;
    return { nodes: cy.nodes().length, edges: cy.edges().length, statusNodes: Number(status.dataset.nodes) };
  });
}

async function drawnIds(): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (
      window as unknown as { explorer: { cy: { nodes(): { map(f: (n: { id(): string }) => string): string[] } } } }
    ).explorer.cy;
    return cy
      .nodes()
      .map((node) => node.id())
      .sort();
  });
}

/** Clicks a drawn node with the mouse, where Cytoscape rendered it. */
async function clickNode(id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
    cy.stop(true, true); // an animation still running would move the node after we measured it
    cy.zoom(1.5);
    cy.center(cy.getElementById(nodeId));
  }, id);
  const box = (await page.locator('#cy').boundingBox())!;
  const position = await page.evaluate((nodeId) => {
    const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
    return cy.getElementById(nodeId).renderedPosition() as { x: number; y: number };
  }, id);
  await page.mouse.click(box.x + position.x, box.y + position.y);
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  await prepareDatabase(db, { reloadSeed: true });
  server = await startTestServer(db);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(`${server.url}/explore`);
  await settled();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('the explorer draws the seeded graph, coloured by kind, with a legend', async () => {
  const counts = await drawnCounts();
  expect(counts.nodes).toBe(seed.entities.length);
  expect(counts.statusNodes).toBe(seed.entities.length);
  const whole = await ask<{ graph: GraphShape }>(graphQuery);
  expect(counts.edges).toBe(whole.graph.edges.length);
  // The legend counts what is drawn, kind by kind.
  const legend = await page.$$eval('#legend .count', (spans) =>
    spans.reduce((sum, s) => sum + Number(s.textContent), 0),
  );
  expect(legend).toBe(seed.entities.length);
  await screenshot(page, 'explorer-loaded');
});

test('search finds "MAX IV", and choosing it shows its details', async () => {
  await page.fill('#search', 'MAX IV');
  const hit = page.locator('#search-results button', { hasText: 'MAX IV' }).first();
  await hit.waitFor({ timeout: 10000 });
  await screenshot(page, 'explorer-search');
  await hit.click();
  await page.waitForSelector('#details[data-state="ready"] h2');
  expect(await page.textContent('#details h2')).toContain('MAX IV');
  await settled();
  await page.waitForFunction(
    () => !(window as unknown as { explorer: { cy: { animated(): boolean } } }).explorer.cy.animated(),
  );
  // The README's picture (docs/explorer.png) is this screenshot.
  await screenshot(page, 'explorer-max-iv');
});

test('clicking a node shows its quoted sources and relationships', async () => {
  const names = (e: (typeof seed.entities)[number]) =>
    [e.props.name, e.props.nameEn, ...((e.props.aliases as string[]) ?? [])] as string[];
  const maxIv =
    seed.entities.find((e) => names(e).includes('MAX IV')) ??
    seed.entities.find((e) => names(e).some((n) => n.includes('MAX IV')))!;
  expect(maxIv).toBeDefined();
  const { entity } = await ask<{
    entity: { id: string; sources: { quote: string }[]; relationships: { totalCount: number } };
  }>(`query($ref: ID!) { entity(ref: $ref) { id sources { quote } relationships(first: 1) { totalCount } } }`, {
    ref: maxIv.props.id,
  });
  await page.evaluate(() => (window as unknown as { explorer: { cy: any } }).explorer.cy.elements().unselect());
  await clickNode(entity.id);
  await page.waitForSelector('#details[data-state="ready"] .node-sources blockquote');
  const selected = await page.evaluate(() =>
    (window as unknown as { explorer: { cy: any } }).explorer.cy.$(':selected').map((n: any) => n.id()),
  );
  expect(selected).toEqual([entity.id]);
  const quotes = await page.$$eval('#details .node-sources blockquote', (nodes) => nodes.map((n) => n.textContent));
  expect(quotes).toEqual(entity.sources.map((s) => s.quote));
  expect(await page.textContent('#details h3:last-of-type')).toBe(`Relationships (${entity.relationships.totalCount})`);
  await screenshot(page, 'explorer-node-details');
});

test('a region filter and a kind checkbox change what is drawn, to what Query.graph answers', async () => {
  const regions = await page.$$eval('#region-filter option', (options) =>
    options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
  // The region with the most entities in it: a filter that keeps something and drops something.
  let best = { region: '', count: 0 };
  for (const region of regions) {
    const { graph } = await ask<{ graph: GraphShape }>(graphQuery, { filter: { regions: [region] } });
    if (graph.nodes.length > best.count) best = { region, count: graph.nodes.length };
  }
  expect(best.count).toBeGreaterThan(0);
  expect(best.count).toBeLessThan(seed.entities.length);
  await page.selectOption('#region-filter', best.region);
  await settled();
  const { graph } = await ask<{ graph: GraphShape }>(graphQuery, { filter: { regions: [best.region] } });
  expect(await drawnIds()).toEqual(graph.nodes.map((n) => n.id).sort());
  expect((await drawnCounts()).edges).toBe(graph.edges.length);
  await screenshot(page, 'explorer-region-filter');

  const kind = graph.nodes[0]!.kind;
  await page.uncheck(`#legend input[data-kind="${kind}"]`);
  await settled();
  expect(await drawnIds()).toEqual(
    graph.nodes
      .filter((n) => n.kind !== kind)
      .map((n) => n.id)
      .sort(),
  );
});

test('a download link gives the file of the current view', async () => {
  const filter = await page.evaluate(() => ({
    region: (document.getElementById('region-filter') as HTMLSelectElement).value,
    hidden: Array.from(document.querySelectorAll<HTMLInputElement>('#legend input'))
      .filter((i) => !i.checked)
      .map((i) => i.dataset.kind!),
  }));
  const kinds = (
    await page.$$eval('#legend input', (inputs) => inputs.map((i) => (i as HTMLInputElement).dataset.kind!))
  ).filter((k) => !filter.hidden.includes(k));
  const { graph } = await ask<{ graph: Parameters<typeof withPositions>[0] }>(graphQueryWithMetrics, {
    filter: { regions: filter.region ? [filter.region] : null, kinds },
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads a[data-format="gexf"]')]);
  expect(download.suggestedFilename()).toBe('medicon-graph.gexf');
  const file = path.join(SCREENSHOTS_DIR, '..', 'downloads', download.suggestedFilename());
  await download.saveAs(file);
  ROUND_TRIP_CHECKS.gexf!(fs.readFileSync(file, 'utf8'), withPositions(graph));
});

test('"Show neighbours" adds a node\'s neighbours, and the download then holds exactly what is drawn', async () => {
  const before = await drawnIds();
  // A drawn entity with neighbours that are not drawn yet, so that the drawing must grow.
  let centre = '';
  let around: GraphShape = { nodes: [], edges: [] };
  for (const id of before) {
    around = (await ask<{ graph: GraphShape }>(graphQuery, { around: { ids: [id], depth: 1 } })).graph;
    centre = id;
    if (around.nodes.some((n) => !before.includes(n.id))) break;
  }
  expect(around.nodes.some((n) => !before.includes(n.id))).toBe(true);
  await clickNode(centre);
  await page.waitForSelector('#details[data-state="ready"] button.expand');
  await page.click('#details button.expand');
  await settled();
  const after = await drawnIds();
  expect(after).toEqual([...new Set([...before, ...around.nodes.map((n) => n.id)])].sort());
  await screenshot(page, 'explorer-neighbours');

  const { graph: selected } = await ask<{ graph: Parameters<typeof withPositions>[0] }>(graphQueryWithMetrics, {
    around: { ids: after, depth: 0 },
  });
  const view = withPositions(selected);
  expect((await drawnCounts()).edges).toBe(view.edges.length);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#downloads a[data-format="graphml"]'),
  ]);
  expect(download.suggestedFilename()).toBe('medicon-graph.graphml');
  const file = path.join(SCREENSHOTS_DIR, '..', 'downloads', 'view.graphml');
  await download.saveAs(file);
  ROUND_TRIP_CHECKS.graphml!(fs.readFileSync(file, 'utf8'), view);
});
