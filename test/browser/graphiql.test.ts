import type { Browser, Page } from 'playwright-core';
import { prepareDatabase } from '../../src/bootstrap';
import type { Database } from '../../src/db/Database';
import { connectTestDatabase, postGraphQL, startTestServer, type TestServer } from '../integration/harness';
import { collectPageErrors, launchChromium, screenshot, SLOW_MACHINE } from './chromium';

/**
 * GraphiQL at /graphql, from the project's own bundle: it loads with its icon, the welcome text
 * clear of the toolbar and the README's example questions at hand; it runs a query and shows the answer.
 */
let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  db = await connectTestDatabase();
  await prepareDatabase(db); // loads the seed only into an empty graph
  server = await startTestServer(db, { settings: SLOW_MACHINE });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

test('GraphiQL loads with a favicon, no failed request, the welcome text in view and the example questions', async () => {
  const errors = collectPageErrors(page);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}/graphql`);
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 30000 });
  const icon = await page.getAttribute('link[rel="icon"]', 'href');
  const answer = await fetch(new URL(icon!, server.url));
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toContain('image/svg+xml');
  // The welcome comment's lines end left of the toolbar that floats over the editor's right edge.
  const overlap = await page.evaluate(() => {
    const toolbar = document.querySelector('.graphiql-editor-tools, .graphiql-toolbar')!.getBoundingClientRect();
    const lines = Array.from(document.querySelectorAll('.graphiql-query-editor .CodeMirror-line > span'))
      .filter((line) => line.textContent!.startsWith('#'))
      .map((line) => {
        const range = document.createRange();
        range.selectNodeContents(line);
        return range.getBoundingClientRect();
      });
    return {
      lines: lines.length,
      crossing: lines.filter((r) => r.right > toolbar.left && r.top < toolbar.bottom).length,
    };
  });
  expect(overlap.lines).toBeGreaterThan(3);
  expect(overlap.crossing).toBe(0);
  // The README's example questions: the first ones as tabs, all of them in the pane.
  expect(await page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(5);
  await page.click('button[aria-label="Show Example questions"]');
  const listed = await page.locator('.example-questions li button').allTextContents();
  expect(listed).toContain('Who supports ATMP startups?');
  expect(listed.length).toBeGreaterThanOrEqual(30);
  await page.locator('.example-questions li button', { hasText: 'Who owns Innovation Skåne?' }).click();
  await page
    .locator('.graphiql-query-editor .CodeMirror-line', { hasText: 'Question: Who owns Innovation' })
    .first()
    .waitFor();
  await screenshot(page, 'graphiql-examples');
  await page.click('button[aria-label="Hide Example questions"]');
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});

test('GraphiQL runs a query typed into it and shows its result', async () => {
  const errors = collectPageErrors(page);
  await page.goto(`${server.url}/graphql`);
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ timeout: 30000 });
  // Replace the default query with one whose answer the test knows from the same API over plain
  // HTTP: a research infrastructure and its relationships (a short answer: the response editor
  // renders only the lines in view).
  const known = await postGraphQL<{ graph: { nodes: { attributes: { slug: string } }[] } }>(
    server,
    '{ graph(filter: { kinds: [RESEARCH_INFRASTRUCTURE] }) { nodes { attributes { slug } } } }',
  );
  const slug = known.body.data!.graph.nodes[0]!.attributes.slug;
  const query = `{ entity(ref: "${slug}") { name relationships(first: 3) { totalCount } } }`;
  const { body } = await postGraphQL<{ entity: { name: string; relationships: { totalCount: number } } }>(
    server,
    query,
  );
  const expected = body.data!.entity;
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  // insertText, not type(): typing would trigger the editor's bracket auto-closing.
  await page.keyboard.insertText(query);
  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response');
  await response.getByText(JSON.stringify(expected.name)).waitFor({ timeout: 120000 });
  const text = await response.innerText();
  expect(text).not.toContain('"errors"');
  expect(text).toContain(`"totalCount": ${expected.relationships.totalCount}`);
  await screenshot(page, 'graphiql-result');
  expect(errors).toEqual([]);
}, 180_000); // typing and running in the editor is slow on a loaded machine
