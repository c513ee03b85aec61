import type { Browser, Page } from 'playwright-core';
import { prepareDatabase } from '../../src/bootstrap';
import type { Database } from '../../src/db/Database';
import { connectTestDatabase, postGraphQL, startTestServer, type TestServer } from '../integration/harness';
import { collectPageErrors, launchChromium, screenshot } from './chromium';

/** GraphiQL at /graphql, from the project's own bundle: it loads, runs a query and shows the answer. */
let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  db = await connectTestDatabase();
  await prepareDatabase(db); // loads the seed only into an empty graph
  server = await startTestServer(db);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
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
  await response.getByText(JSON.stringify(expected.name)).waitFor({ timeout: 30000 });
  const text = await response.innerText();
  expect(text).not.toContain('"errors"');
  expect(text).toContain(`"totalCount": ${expected.relationships.totalCount}`);
  await screenshot(page, 'graphiql-result');
  expect(errors).toEqual([]);
});
