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
import { collectPageErrors, SLOW_MACHINE, launchChromium, screenshot, SCREENSHOTS_DIR } from './chromium';
import { clickNode, drawnCounts, drawnIds, settled, type WindowWithExplorer } from './explorerPage';

/**
 * The explorer page (/explore) in headless Chromium against the real server and the real seed:
 * it draws the seeded graph with sigma.js, search finds MAX IV, a click on a drawn node shows its
 * quoted sources, filters change the drawing without moving what stays, neighbours can be added,
 * downloads produce files that parse back as the view. Expected values come from the seed files
 * and from the GraphQL API.
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

beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  await prepareDatabase(db, { reloadSeed: true });
  server = await startTestServer(db, { settings: SLOW_MACHINE });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(`${server.url}/explore`);
  await settled(page);
}, 180_000); // a loaded test machine may take minutes to load the seed and the first page

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('the explorer draws the seeded graph, coloured by kind, with a kind and a relationship legend', async () => {
  const counts = await drawnCounts(page);
  expect(counts.nodes).toBe(seed.entities.length);
  expect(counts.statusNodes).toBe(seed.entities.length);
  const whole = await ask<{ graph: GraphShape }>(graphQuery);
  expect(counts.edges).toBe(whole.graph.edges.length);
  // The legend counts what is drawn, kind by kind.
  const legend = await page.$$eval('#legend .count', (spans) =>
    spans.reduce((sum, s) => sum + Number(s.textContent), 0),
  );
  expect(legend).toBe(seed.entities.length);
  // Every relationship type drawn has a row, NOT_MEMBER_OF (a stated no) included, with its count.
  const types = [...new Set(whole.graph.edges.map((e) => e.type))].sort();
  expect(types).toContain('NOT_MEMBER_OF');
  const rows = await page.$$eval('#edge-legend input', (inputs) =>
    inputs.map((i) => (i as HTMLInputElement).dataset.edgeType),
  );
  expect(rows).toEqual(types);
  await screenshot(page, 'explorer-loaded');
});

test('a relationship type unticked in the legend is hidden, and comes back', async () => {
  const negated = () =>
    page.evaluate(() => {
      const { graph, renderer } = (window as unknown as WindowWithExplorer).explorer;
      const edges = graph.edges().filter((e) => graph.getEdgeAttributes(e).relType === 'NOT_MEMBER_OF');
      return { total: edges.length, hidden: edges.filter((e) => renderer.getEdgeDisplayData(e)?.hidden).length };
    });
  const before = await negated();
  expect(before.total).toBeGreaterThan(0);
  expect(before.hidden).toBe(0);
  await page.uncheck('#edge-legend input[data-edge-type="NOT_MEMBER_OF"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('hideEdges') === 'NOT_MEMBER_OF');
  expect(await negated()).toEqual({ total: before.total, hidden: before.total });
  await page.check('#edge-legend input[data-edge-type="NOT_MEMBER_OF"]');
  expect((await negated()).hidden).toBe(0);
});

test('search finds "MAX IV", and choosing it shows its details', async () => {
  await page.fill('#search', 'MAX IV');
  const hit = page.locator('#search-results button', { hasText: 'MAX IV' }).first();
  await hit.waitFor({ timeout: 10000 });
  await screenshot(page, 'explorer-search');
  await hit.click();
  await page.waitForSelector('#details[data-state="ready"] h2');
  expect(await page.textContent('#details h2')).toContain('MAX IV');
  await settled(page);
  await screenshot(page, 'explorer-max-iv');
});

test('search shows results only for the text in the box, however the answers arrive', async () => {
  // Type fast, one key at a time: every answer for an older text must be dropped.
  await page.fill('#search', '');
  await page.type('#search', 'Lund', { delay: 20 });
  await page.waitForSelector('#search-results:not([hidden])', { timeout: 10000 });
  expect(await page.getAttribute('#search-results', 'data-query')).toBe('Lund');
  await page.type('#search', 'x', { delay: 0 });
  // The results of "Lund" are taken away at once; "Lundx" finds nothing.
  expect(await page.isHidden('#search-results')).toBe(true);
  await page.waitForSelector('#search-results:not([hidden])', { timeout: 10000 });
  expect(await page.getAttribute('#search-results', 'data-query')).toBe('Lundx');
  await page.fill('#search', '');
  await page.keyboard.press('Escape');
});

test('clicking a node shows its quoted sources, relationships and metrics', async () => {
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
  await clickNode(page, entity.id);
  await page.waitForSelector('#details[data-state="ready"] .node-sources blockquote');
  expect(await page.evaluate(() => (window as unknown as WindowWithExplorer).explorer.state.selected)).toBe(
    maxIv.props.id,
  );
  const quotes = await page.$$eval('#details .node-sources blockquote', (nodes) => nodes.map((n) => n.textContent));
  expect(quotes).toEqual(entity.sources.map((s) => s.quote));
  expect(await page.textContent('#details .relationships-title')).toBe(
    `Relationships (${entity.relationships.totalCount})`,
  );
  const { graph } = await ask<{ graph: { nodes: { entityId: string; metrics: { degree: number } }[] } }>(
    '{ graph { nodes { entityId metrics { degree } } } }',
  );
  const degree = graph.nodes.find((n) => n.entityId === entity.id)!.metrics.degree;
  expect(await page.textContent('#details .metrics dd')).toBe(String(degree));
  await screenshot(page, 'explorer-node-details');
});

test('hovering a node shows a tooltip and fades what is not its neighbour', async () => {
  const box = (await page.locator('#graph').boundingBox())!;
  // The largest node in view: easy to point at.
  const id = await page.evaluate(
    ({ width, height }) => {
      const { graph, nodeOnScreen } = (window as unknown as WindowWithExplorer).explorer;
      const inView = graph.nodes().filter((n) => {
        const at = nodeOnScreen(n)!;
        return at.x > 40 && at.y > 40 && at.x < width - 40 && at.y < height - 40;
      });
      return inView.sort((a, b) => graph.getNodeAttributes(b).size - graph.getNodeAttributes(a).size)[0]!;
    },
    { width: box.width, height: box.height },
  );
  const at = await page.evaluate((n) => (window as unknown as WindowWithExplorer).explorer.nodeOnScreen(n), id);
  // Sigma finds the node under the pointer as it moves: come from a little way off.
  await page.mouse.move(box.x + at!.x - 8, box.y + at!.y - 8);
  await page.mouse.move(box.x + at!.x, box.y + at!.y, { steps: 4 });
  await page.waitForSelector('#tooltip:not([hidden])');
  const label = await page.evaluate(
    (n) => (window as unknown as WindowWithExplorer).explorer.graph.getNodeAttributes(n).name as string,
    id,
  );
  expect(await page.textContent('#tooltip strong')).toBe(label);
  await page.mouse.move(box.x + at!.x + 40, box.y + at!.y + 40, { steps: 4 });
  await page.mouse.move(box.x + 2, box.y + box.height - 2, { steps: 4 });
  await page.waitForSelector('#tooltip', { state: 'hidden' });
});

test('a region filter and a kind checkbox change what is drawn, to what Query.graph answers, and what stays does not move', async () => {
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
  // Back to the whole graph first, so that the filter drops nodes from a drawing that has them all.
  await page.selectOption('#region-filter', '');
  await settled(page);
  const positions = () =>
    page.evaluate(() => {
      const { graph } = (window as unknown as WindowWithExplorer).explorer;
      return Object.fromEntries(
        graph.nodes().map((id) => [id, [graph.getNodeAttributes(id).x, graph.getNodeAttributes(id).y]]),
      ) as Record<string, [number, number]>;
    });
  const before = await positions();
  await page.selectOption('#region-filter', best.region);
  await settled(page);
  const { graph } = await ask<{ graph: GraphShape }>(graphQuery, { filter: { regions: [best.region] } });
  expect(await drawnIds(page)).toEqual(graph.nodes.map((n) => n.id).sort());
  expect((await drawnCounts(page)).edges).toBe(graph.edges.length);
  // Seeded and stable: every node that stayed is exactly where it was.
  const after = await positions();
  for (const id of Object.keys(after)) expect(after[id]).toEqual(before[id]);
  await screenshot(page, 'explorer-region-filter');

  const kind = graph.nodes[0]!.kind;
  await page.uncheck(`#legend input[data-kind="${kind}"]`);
  await settled(page);
  expect(await drawnIds(page)).toEqual(
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
  const before = await drawnIds(page);
  // A drawn entity with neighbours that are not drawn yet, so that the drawing must grow.
  let centre = '';
  let around: GraphShape = { nodes: [], edges: [] };
  for (const id of before) {
    around = (await ask<{ graph: GraphShape }>(graphQuery, { around: { ids: [id], depth: 1 } })).graph;
    centre = id;
    if (around.nodes.some((n) => !before.includes(n.id))) break;
  }
  expect(around.nodes.some((n) => !before.includes(n.id))).toBe(true);
  await page.click(`#node-list button[data-id="${centre}"]`);
  await page.waitForSelector('#details[data-state="ready"] button.expand');
  await page.click('#details button.expand');
  await settled(page);
  const after = await drawnIds(page);
  expect(after).toEqual([...new Set([...before, ...around.nodes.map((n) => n.id)])].sort());
  await screenshot(page, 'explorer-neighbours');

  const { graph: selected } = await ask<{ graph: Parameters<typeof withPositions>[0] }>(graphQueryWithMetrics, {
    around: { ids: after, depth: 0 },
  });
  const view = withPositions(selected);
  expect((await drawnCounts(page)).edges).toBe(view.edges.length);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('#downloads a[data-format="graphml"]'),
  ]);
  expect(download.suggestedFilename()).toBe('medicon-graph.graphml');
  const file = path.join(SCREENSHOTS_DIR, '..', 'downloads', 'view.graphml');
  await download.saveAs(file);
  ROUND_TRIP_CHECKS.graphml!(fs.readFileSync(file, 'utf8'), view);
});
