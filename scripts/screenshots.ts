/**
 * `npm run screenshots`: the README's pictures of the explorer, taken from the real page in
 * headless Chromium against the seeded graph: docs/screenshots/graph-betweenness.png (the whole
 * graph sized by betweenness, coloured by Louvain community) and docs/screenshots/atmp-supporters.png
 * (the supporters view: who supports ATMP start-ups, with the evidence highlighted). Starts the
 * project's Neo4j like `npm start` (NEO4J_BOLT_PORT), and the API on a free port.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { prepareDatabase } from '../src/bootstrap';
import { runCli } from '../src/cli';
import { loadApiSettings, loadConfig, PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/Database';
import { ensureNeo4j, type Neo4jHandle } from '../src/neo4j/connection';
import { createLogger } from '../src/server/logging';
import { createServer } from '../src/server/createServer';
import { launchChromium } from '../test/browser/chromium';

/** The explorer's views for the README, as the URLs that the explorer itself writes. */
export const SCREENSHOTS: { file: string; query: string; caption: string }[] = [
  {
    file: 'graph-betweenness.png',
    query: 'size=betweenness&colour=community',
    caption: 'the whole graph, sized by betweenness, coloured by community',
  },
  {
    file: 'atmp-supporters.png',
    query: 'view=supporters&supportTheme=atmp&stage=STARTUP',
    caption: 'who supports ATMP start-ups, evidence highlighted',
  },
];

runCli(async () => {
  const config = loadConfig();
  const settings = loadApiSettings();
  const outdir = path.join(PROJECT_ROOT, 'docs', 'screenshots');
  fs.mkdirSync(outdir, { recursive: true });
  let neo4j: Neo4jHandle | undefined;
  let db: Database | undefined;
  const server = { close: async (): Promise<void> => {} };
  try {
    neo4j = await ensureNeo4j(config, 'dev', console.log);
    db = await Database.connect(neo4j.connection, { transactionTimeoutMs: settings.cypherTimeoutMs });
    await prepareDatabase(db, {});
    const api = await createServer({ db, settings, logger: createLogger('warn') });
    await new Promise<void>((resolve) => api.httpServer.listen(0, resolve));
    server.close = async () => {
      await api.apollo.stop();
    };
    const { port } = api.httpServer.address() as AddressInfo;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      for (const shot of SCREENSHOTS) {
        await page.goto(`http://localhost:${port}/explore?${shot.query}`);
        await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 300000 });
        if ((await page.getAttribute('body', 'data-state')) === 'error') {
          throw new Error(`The explorer failed on ${shot.file}: ${await page.textContent('#message')}`);
        }
        await page.waitForFunction(
          () => !(window as unknown as { explorer: { layout: { running: boolean } } }).explorer.layout.running,
          undefined,
          { timeout: 300000 },
        );
        // One more frame, so that sigma has drawn the labels of the final positions.
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const file = path.join(outdir, shot.file);
        await page.screenshot({ path: file });
        console.log(`${path.relative(PROJECT_ROOT, file)}: ${shot.caption}.`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    await db?.close();
    await neo4j?.release();
  }
});
