import type { Browser, Page } from 'playwright-core';
import { loadSyntheticGraph } from '../../bench/loadSyntheticGraph';
import { SyntheticGraph } from '../../bench/syntheticGraph';
import { prepareDatabase } from '../../src/bootstrap';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/Database';
import { connectTestDatabase, emptyGraph, postGraphQL, startTestServer, type TestServer } from '../integration/harness';
import { collectPageErrors, launchChromium, screenshot, SLOW_MACHINE } from './chromium';
import { drawnCounts, settled } from './explorerPage';

/**
 * The explorer on the 10,000-actor synthetic graph (bench/syntheticGraph.ts, seed 42: about 12,800
 * entities and 95,000 relationships) in the test Neo4j. The whole graph is more than the API returns
 * at once (Query.graph's limit): the page says so and how to narrow it, stays responsive, and search
 * and selection draw what is asked for. The seed is loaded back afterwards, as the other files
 * expect it. The longest main-thread task is logged for the record and bounded at 500 ms (the
 * seeded graph's bound is 200 ms: this graph's search index and answers are larger).
 */
let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

const ACTORS = 10_000;
const LONGEST_TASK_BOUND_MS = 500;

/** Records every long task (over 50 ms, the browser's own threshold) from the first byte on. */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

async function longTasks(): Promise<number[]> {
  return page.evaluate(() =>
    (window as unknown as { __longTasks: { duration: number }[] }).__longTasks.map((t) => t.duration),
  );
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await emptyGraph(db);
  const started = Date.now();
  const summary = await loadSyntheticGraph(db, new SyntheticGraph({ actors: ACTORS, seed: 42 }));
  console.log(
    `synthetic graph: ${summary.shape.entities} entities, ${summary.shape.relationships} relationships, loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  server = await startTestServer(db, { settings: SLOW_MACHINE });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(LONG_TASKS);
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(`${server.url}/explore`);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', undefined, { timeout: 150_000 });
  const shown = await page.evaluate(() => ({
    state: document.body.dataset.state,
    message: document.getElementById('message')!.textContent,
  }));
  console.log(`first load: ${JSON.stringify(shown)}`);
  await settled(page);
}, 300_000); // loading 95,000 relationships on a loaded machine takes a while

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (db) {
    // The other files expect the curated seed.
    await emptyGraph(db);
    await prepareDatabase(db, { reloadSeed: true });
    await db.close();
  }
}, 300_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('the whole graph is too large to draw: the page says how to narrow it and draws nothing', async () => {
  const message = page.locator('#message');
  await expect(message.isVisible()).resolves.toBe(true);
  expect(await message.textContent()).toContain('more nodes and edges than the explorer draws at once');
  expect(await page.getAttribute('body', 'data-state')).toBe('ready');
  expect((await drawnCounts(page)).nodes).toBe(0);
});

test('search finds an actor, selecting it draws it, and "Show neighbours" draws its neighbours', async () => {
  const { body } = await postGraphQL<{ actors: { nodes: { id: string; name: string }[] } }>(
    server,
    `{ actors(first: 1) { nodes { id name } } }`,
  );
  expect(body.errors).toBeUndefined();
  const actor = body.data!.actors.nodes[0]!;
  await page.fill('#search', actor.name);
  const hit = page.locator('#search-results button', { hasText: actor.name }).first();
  await hit.waitFor({ timeout: 60_000 });
  await hit.click();
  await settled(page);
  expect(await page.evaluate((id) => (window as any).explorer.graph.hasNode(id), actor.id)).toBe(true);
  await page.waitForSelector('#details[data-state="ready"] button.expand', { timeout: 60_000 });
  await page.click('#details button.expand');
  await settled(page);
  const counts = await drawnCounts(page);
  expect(counts.nodes).toBeGreaterThan(1);
  expect(counts.statusNodes).toBe(counts.nodes);
  await screenshot(page, 'explorer-10k-neighbours');
});

test('a theme filter narrows the graph to a view the page draws, with labels', async () => {
  const [row] = await db.read(cypher('test/themeOfModerateReach'), { min: 5, max: 1000 });
  expect(row).toBeDefined();
  await page.selectOption('#theme-filter', row!.id as string);
  await settled(page);
  expect({ theme: row!.id, message: await page.locator('#message').textContent() }).toEqual({
    theme: row!.id,
    message: '',
  });
  const counts = await drawnCounts(page);
  // The theme's actors at least.
  expect(counts.nodes).toBeGreaterThanOrEqual(row!.actors as number);
  expect(counts.statusNodes).toBe(counts.nodes);
  const labelled = await page.evaluate(() => {
    const { graph } = (window as any).explorer;
    return graph.nodes().filter((id: string) => Boolean(graph.getNodeAttribute(id, 'label'))).length;
  });
  expect(labelled).toBe(counts.nodes);
  await screenshot(page, 'explorer-10k-theme');
});

test(`no main-thread task over ${LONGEST_TASK_BOUND_MS} ms ran while the page loaded, searched and drew`, async () => {
  const tasks = await longTasks();
  console.log(`10,000-actor graph: ${tasks.length} long tasks, the longest ${Math.max(0, ...tasks)} ms`);
  expect(tasks.filter((duration) => duration > LONGEST_TASK_BOUND_MS)).toEqual([]);
});
