import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { removeTempDirs, tempDir } from '../tempDirs';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { ensureJars, findJava, startLocalNeo4j } from '../../src/neo4j/localServer';

/** Runs the real start command (dist/src/main.js) with `env` and collects its output. */
function runStart(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function occupyPort(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port }));
    });
  });
}

const testNeo4j = loadConfig(process.env, 'test').external!;

test('the start command serves, and Ctrl-C drains, closes the driver and exits cleanly', async () => {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', NEO4J_URI: testNeo4j.uri, NEO4J_PASSWORD: testNeo4j.password, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 50_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('serves GraphQL and GraphiQL at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const port = /localhost:(\d+)\/graphql/.exec(output)![1];
  // HOST is 127.0.0.1 unless set: the API answers on loopback only, not on this machine's other addresses.
  expect(output).toContain('listening on 127.0.0.1 only (HOST=0.0.0.0 serves the network)');
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
  if (external) {
    const reached = await fetch(`http://${external}:${port}/health`).then(
      () => 'answered',
      (error: { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(reached).toBe('ECONNREFUSED');
  }
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
  });
  expect(((await response.json()) as any).data.actors.totalCount).toBeGreaterThan(0);
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toContain('SIGINT: draining requests and shutting down...');
  expect(output).toContain('Stopped.');
});

test('a wrong password exits non-zero with a message naming the credentials', async () => {
  const { code, output } = await runStart({ NEO4J_URI: testNeo4j.uri, NEO4J_PASSWORD: 'not-the-password', PORT: '0' });
  expect(code).toBe(1);
  expect(output).toMatch(
    /error: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ rejected user "neo4j" and its password .*check NEO4J_USER and NEO4J_PASSWORD\./,
  );
});

test('an unreachable NEO4J_URI exits non-zero with a message naming the URI', async () => {
  const closed = await occupyPort();
  const port = closed.port;
  await new Promise((r) => closed.close(r));
  const { code, output } = await runStart({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'x', PORT: '0' });
  expect(code).toBe(1);
  expect(output).toContain(`error: Neo4j at bolt://127.0.0.1:${port} could not be reached`);
  expect(output).toContain('check NEO4J_URI');
});

test('a malformed NEO4J_URI is refused before anything starts', async () => {
  const { code, output } = await runStart({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' });
  expect(code).toBe(1);
  expect(output).toContain('error: NEO4J_URI must start with neo4j://');
});

test('an HTTP port in use exits non-zero and names the port', async () => {
  const busy = await occupyPort();
  try {
    const { code, output } = await runStart({
      NEO4J_URI: testNeo4j.uri,
      NEO4J_PASSWORD: testNeo4j.password,
      PORT: String(busy.port),
    });
    expect(code).toBe(1);
    expect(output).toContain(`error: Port ${busy.port} is in use by another process; set PORT to a free port.`);
  } finally {
    busy.close();
  }
});

test('a Bolt port in use stops the local server from starting, with a message naming the port', async () => {
  const busy = await occupyPort();
  const runtimeDir = tempDir('neo4j-runtime');
  try {
    await expect(
      startLocalNeo4j({
        name: 'port-check',
        settings: { runtimeDir, boltPort: busy.port, heapSize: '256m', pageCacheSize: '64m', startTimeoutSeconds: 10 },
      }),
    ).rejects.toThrow(
      new ConfigError(
        `Port ${busy.port} on 127.0.0.1 is in use by another process, so Neo4j (port-check) cannot listen there; stop that process or choose another port with NEO4J_BOLT_PORT.`,
      ),
    );
  } finally {
    busy.close();
  }
});

test('no Java at all, or only an unsupported one, is named with what was tried', () => {
  const emptyJvmRoot = tempDir('jvm');
  expect(() => findJava({ PATH: '' }, emptyJvmRoot)).toThrow(
    /Neo4j 5 needs Java 17 or 21, and none was found \(tried java \(not found\)\)/,
  );

  // A JDK that Neo4j 5 refuses (as the machine's newer Temurin is) is passed over, and said so.
  const fakeHome = path.join(emptyJvmRoot, 'jdk-25');
  fs.mkdirSync(path.join(fakeHome, 'bin'), { recursive: true });
  fs.writeFileSync(
    path.join(fakeHome, 'bin', 'java'),
    '#!/bin/sh\necho \'openjdk version "25.0.1" 2025-10-21\' >&2\n',
    { mode: 0o755 },
  );
  expect(() => findJava({ PATH: '', JAVA_HOME: fakeHome }, emptyJvmRoot)).toThrow(
    /tried .*jdk-25\/bin\/java \(Java 25\)/,
  );
});

test("the machine's own Java is found and is 17 or 21: the java of an installed JDK of that version", () => {
  const found = findJava();
  // `java` from the PATH, or <home>/bin/java of NEO4J_JAVA_HOME, JAVA_HOME or a JDK under /usr/lib/jvm.
  const binary =
    found === 'java'
      ? (process.env.PATH ?? '')
          .split(path.delimiter)
          .map((dir) => path.join(dir, 'java'))
          .find((file) => fs.existsSync(file))!
      : found;
  const real = fs.realpathSync(binary);
  expect(real).toMatch(/\/bin\/java$/);
  // The JDK it belongs to says its version in its release file, and the binary reports the same one.
  const jdkHome = path.dirname(path.dirname(real));
  const release = fs.readFileSync(path.join(jdkHome, 'release'), 'utf8');
  const releaseMajor = Number(/^JAVA_VERSION="(\d+)/m.exec(release)![1]);
  expect([17, 21]).toContain(releaseMajor);
  const reported = spawnSync(found, ['-version'], { encoding: 'utf8' }).stderr;
  expect(reported).toMatch(new RegExp(`version "${releaseMajor}[".]`));
});

test('Maven missing (before the jars were fetched) is named', () => {
  const runtimeDir = tempDir('neo4j-runtime');
  const settings = { runtimeDir, boltPort: 1, heapSize: '256m', pageCacheSize: '64m', startTimeoutSeconds: 10 };
  expect(() => ensureJars(settings, () => undefined, { PATH: '' })).toThrow(
    /Maven \(mvn\) is needed once to fetch the Neo4j jars/,
  );
});

afterAll(removeTempDirs);
