import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { httpLogger } from '../../src/server/logging';

/** A server whose only middleware is the request logger; `/bad` answers 400, `/broken` 500, the rest 200. */
async function withLoggedServer(every: number, run: (get: (path: string) => Promise<void>) => Promise<void>) {
  const lines: { level: number; req?: { url: string } }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = httpLogger(pino({ level: 'info' }, sink), every);
  const server = http.createServer((req, res) => {
    log(req, res);
    res.statusCode = req.url === '/bad' ? 400 : req.url === '/broken' ? 500 : 200;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run(async (path) => void (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer());
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return lines;
}

test('by default every request is logged', async () => {
  const lines = await withLoggedServer(1, async (get) => {
    for (let i = 0; i < 3; i++) await get('/ok');
  });
  expect(lines.map((l) => l.req?.url)).toEqual(['/ok', '/ok', '/ok']);
});

test('with a sample, one success in N is logged, and every client or server error', async () => {
  const lines = await withLoggedServer(5, async (get) => {
    for (let i = 0; i < 10; i++) await get(`/ok${i}`);
    await get('/bad');
    await get('/broken');
  });
  expect(lines.map((l) => [l.req?.url, l.level])).toEqual([
    ['/ok4', 30],
    ['/ok9', 30],
    ['/bad', 40],
    ['/broken', 50],
  ]);
});
