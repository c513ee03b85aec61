import fs from 'node:fs';
import path from 'node:path';
import {
  frameCategory,
  profileMarkdown,
  shortLocation,
  summariseProfile,
  type Category,
  type CpuProfile,
} from '../../bench/cpuProfile';

// A hand-made profile of 100 samples of 1 ms each (test/fixtures/profiles/small.cpuprofile):
// 40 idle, 22 in the driver, 8 in parse and the cost estimate it calls, 6 in execution and the
// project code below it, 5 in pino (one of them JSON.stringify, a builtin), 6 in a stream write
// that no package called, 8 of GC and 5 of (program).
const profile = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'profiles', 'small.cpuprofile'), 'utf8'),
) as CpuProfile;

const byCategory = (category: Category) => summariseProfile(profile).categories.find((c) => c.category === category)!;

test('the profile length is the sum of the sample deltas, and busy time is all but idle', () => {
  const summary = summariseProfile(profile);
  expect(summary.samples).toBe(100);
  expect(summary.totalMs).toBe(100);
  expect(summary.busyMs).toBe(60);
});

test('each sample is charged to one category: the breakdown sums to the whole profile', () => {
  const summary = summariseProfile(profile);
  expect(summary.categories.reduce((sum, c) => sum + c.selfMs, 0)).toBe(100);
  expect(byCategory('neo4j-driver').selfMs).toBe(22);
  expect(byCategory('idle').selfMs).toBe(40);
  expect(byCategory('garbage collection').selfMs).toBe(8);
  expect(byCategory('program (V8 and native, no JS frame)').selfMs).toBe(5);
  expect(byCategory('graphql-js: parse').selfMs).toBe(3);
  expect(byCategory('limits and cost (src/server/limits.ts, graphql-armor, graphql-query-complexity)').selfMs).toBe(5);
  expect(byCategory('graphql-js: execute').selfMs).toBe(1);
  expect(byCategory('project: resolvers, loaders, queries').selfMs).toBe(3);
  expect(byCategory('project: db and values (src/db)').selfMs).toBe(2);
});

test("a builtin's time goes to its caller, and a node stream write with no package above it to node I/O", () => {
  // JSON.stringify (no url) under pino's write: logging, not "other".
  expect(byCategory('logging (pino, pino-http)').selfMs).toBe(5);
  expect(byCategory('node: http, net, streams (responses, sockets)').selfMs).toBe(6);
  expect(byCategory('other packages and node internals').selfMs).toBe(0);
});

test('inclusive time counts every category on the stack', () => {
  expect(byCategory('graphql-js: execute').inclusiveMs).toBe(6);
  expect(byCategory('project: resolvers, loaders, queries').inclusiveMs).toBe(5);
  expect(byCategory('graphql-js: parse').inclusiveMs).toBe(8);
});

test('functions are listed by self time, most first, with a short location', () => {
  const [first, second] = summariseProfile(profile).functions.filter((f) => f.category !== 'idle');
  expect(first).toEqual({
    functionName: 'unpack',
    location: 'neo4j-driver-core/lib/packstream.js:42',
    category: 'neo4j-driver',
    selfMs: 20,
  });
  expect(second!.functionName).toBe('(garbage collector)');
});

test('frames are told apart by where their code lives', () => {
  const frame = (url: string, functionName = 'f') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  expect(frameCategory(frame('file:///w/dist/src/server/limits.js'))).toMatch(/^limits and cost/);
  expect(frameCategory(frame('file:///w/dist/src/loaders/relationships.js'))).toBe(
    'project: resolvers, loaders, queries',
  );
  // A package's own src/ folder is the package's, not the project's.
  expect(frameCategory(frame('file:///w/node_modules/some-package/src/resolvers/x.js'))).toBe(
    'other packages and node internals',
  );
  expect(frameCategory(frame('node:internal/streams/writable'))).toBeNull();
  expect(frameCategory(frame('', 'stringify'))).toBeNull();
  expect(shortLocation('file:///w/dist/src/db/values.js', 9)).toBe('src/db/values.js:10');
});

test('the Markdown has the breakdown table and the top functions', () => {
  const markdown = profileMarkdown(summariseProfile(profile), 3);
  expect(markdown).toContain('busy 60.0 % of it');
  expect(markdown).toContain('| neo4j-driver | 22 ms | 22.0 % | 36.7 % | 22.0 % |');
  expect(markdown).toContain('| 20 ms | 33.3 % | `unpack` | neo4j-driver-core/lib/packstream.js:42 | neo4j-driver |');
  expect(markdown.match(/^\| \d+ ms \| [\d.]+ % \| `/gm)).toHaveLength(3);
});

test("a socket write is I/O even when the driver asked for it; the driver's own packing is the driver's", () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  const driver = 'file:///w/node_modules/neo4j-driver-bolt-connection/lib/channel/node/node-channel.js';
  const small: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2] },
      { id: 2, callFrame: frame('NodeChannel.write', driver), children: [3, 5] },
      { id: 3, callFrame: frame('handleWriteReq', 'node:internal/stream_base_commons'), children: [4] },
      { id: 4, callFrame: frame('writeBuffer', ''), children: [] },
      { id: 5, callFrame: frame('alloc', 'node:buffer'), children: [] },
    ],
    startTime: 0,
    endTime: 5000,
    samples: [4, 4, 4, 5, 5],
    timeDeltas: [1000, 1000, 1000, 1000, 1000],
  };
  const summary = summariseProfile(small);
  const ms = (category: Category) => summary.categories.find((c) => c.category === category)!.selfMs;
  expect(ms('node: http, net, streams (responses, sockets)')).toBe(3);
  expect(ms('neo4j-driver')).toBe(2);
  expect(summary.categories.find((c) => c.category === 'neo4j-driver')!.inclusiveMs).toBe(5);
});

test('by default a sample weighs the sampling interval, so a descheduled gap does not inflate the frame it ends on', () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  const gap: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 3] },
      { id: 2, callFrame: frame('writev', 'node:net'), children: [] },
      { id: 3, callFrame: frame('execute', 'file:///w/node_modules/graphql/execution/execute.js'), children: [] },
    ],
    startTime: 0,
    endTime: 0,
    // Four samples 1 ms apart in execute, then one in writev after 50 ms without a sample.
    samples: [3, 3, 3, 3, 2],
    timeDeltas: [1000, 1000, 1000, 1000, 50_000],
  };
  const bySamples = summariseProfile(gap);
  expect(bySamples.totalMs).toBe(5);
  expect(bySamples.categories.find((c) => c.category === 'graphql-js: execute')!.selfMs).toBe(4);
  const byWall = summariseProfile(gap, 'wall');
  expect(byWall.totalMs).toBe(54);
  expect(byWall.categories.find((c) => c.category === 'node: http, net, streams (responses, sockets)')!.selfMs).toBe(
    50,
  );
});
