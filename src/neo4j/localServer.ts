import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../config';
import { ConfigError } from '../errors';

/**
 * Runs a Neo4j Community server from the jars on Maven Central, without Docker or a system
 * package: `neo4j/pom.xml` names the version, Maven copies the jars once into
 * `<runtimeDir>/lib/<version>/`, and each named instance (`dev`, `test`) gets its own
 * `<runtimeDir>/<instance>/` with conf, data, logs and a pid file.
 *
 * The server is the server's own entry point (`org.neo4j.server.CommunityEntryPoint`) on Java 17
 * or 21, the only JDKs Neo4j 5 supports. Bolt listens on 127.0.0.1 only and auth is always on.
 */

const POM = path.join(PROJECT_ROOT, 'neo4j', 'pom.xml');
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_ENTRY_POINT = 'org.neo4j.server.startup.Neo4jAdminCommand';
const SUPPORTED_JAVA = [17, 21];
export const LOCAL_USER = 'neo4j';

export interface LocalInstance {
  name: string;
  settings: LocalNeo4jSettings;
  /** From NEO4J_PASSWORD; otherwise generated once into `<runtimeDir>/password` (mode 0600). */
  password?: string;
}

export interface StartResult {
  uri: string;
  user: string;
  password: string;
  /** False when a server of this instance was already running: then the caller must not stop it. */
  startedByUs: boolean;
  pid: number;
}

type Log = (message: string) => void;

/** The version pinned in neo4j/pom.xml. */
export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(POM, 'utf8'));
  if (!match?.[1]) throw new Error(`No <neo4j.version> in "${POM}".`);
  return match[1];
}

/** The instance's home: its conf, data, logs and run folders. */
export function instanceDir(instance: LocalInstance): string {
  return path.join(instance.settings.runtimeDir, instance.name);
}

function pidFile(instance: LocalInstance): string {
  return path.join(instanceDir(instance), 'run', 'neo4j.pid');
}

function boltUri(instance: LocalInstance): string {
  return `bolt://127.0.0.1:${instance.settings.boltPort}`;
}

/** The password of the local server: the configured one, or one generated once and kept. */
export function localPassword(instance: LocalInstance): string {
  if (instance.password) return instance.password;
  const file = path.join(instance.settings.runtimeDir, 'password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(instance.settings.runtimeDir, { recursive: true });
  // Hex, not base64url: neo4j-admin reads a password that starts with "-" as an option, and
  // base64url starts with one in one password of 64.
  const generated = crypto.randomBytes(24).toString('hex');
  fs.writeFileSync(file, generated + '\n', { mode: 0o600, flag: 'wx' });
  return generated;
}

// ---------------------------------------------------------------------------------------------
// Prerequisites: a supported Java, Maven (once), a free port.

function javaMajorVersion(javaBinary: string, env: NodeJS.ProcessEnv): number | undefined {
  const result = spawnSync(javaBinary, ['-version'], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/**
 * Finds a Java 17 or 21: NEO4J_JAVA_HOME, JAVA_HOME, `java` on the PATH, then the JDKs under
 * /usr/lib/jvm. A newer JDK is skipped, since Neo4j 5 refuses to run on it.
 */
export function findJava(env: NodeJS.ProcessEnv = process.env, jvmRoot = '/usr/lib/jvm'): string {
  const candidates: string[] = [];
  for (const home of [env.NEO4J_JAVA_HOME, env.JAVA_HOME]) {
    if (home) candidates.push(path.join(home, 'bin', 'java'));
  }
  candidates.push('java');
  if (fs.existsSync(jvmRoot)) {
    for (const entry of fs.readdirSync(jvmRoot).sort()) {
      candidates.push(path.join(jvmRoot, entry, 'bin', 'java'));
    }
  }
  const tried: string[] = [];
  for (const candidate of candidates) {
    const major = javaMajorVersion(candidate, env);
    if (major !== undefined && SUPPORTED_JAVA.includes(major)) return candidate;
    tried.push(`${candidate} (${major === undefined ? 'not found' : `Java ${major}`})`);
  }
  throw new ConfigError(
    `Neo4j 5 needs Java 17 or 21, and none was found (tried ${tried.join(', ')}); ` +
      `install OpenJDK 17 (apt-get install openjdk-17-jre-headless) or set NEO4J_JAVA_HOME.`,
  );
}

function jarsDir(settings: LocalNeo4jSettings): string {
  return path.join(settings.runtimeDir, 'lib', neo4jVersion());
}

/** Copies the server's jars from Maven Central once; later calls reuse them. */
export function ensureJars(settings: LocalNeo4jSettings, log: Log, env: NodeJS.ProcessEnv = process.env): string {
  const dir = jarsDir(settings);
  const complete = path.join(dir, '.complete');
  if (fs.existsSync(complete)) return dir;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8', env });
  if (mvn.error || mvn.status !== 0) {
    throw new ConfigError(
      'Maven (mvn) is needed once to fetch the Neo4j jars from Maven Central, and it was not found; ' +
        'install it (apt-get install maven) or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  log(`Fetching Neo4j ${neo4jVersion()} from Maven Central into ${dir} (once; about 120 MB)...`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const copy = spawnSync(
    'mvn',
    ['-B', '-q', '-f', POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${dir}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  if (copy.status !== 0) {
    const output = `${copy.stdout}\n${copy.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new ConfigError(`Maven could not fetch Neo4j ${neo4jVersion()} (exit ${copy.status}):\n${output}`);
  }
  const jars = fs.readdirSync(dir).filter((f) => f.endsWith('.jar'));
  if (!jars.includes(`neo4j-${neo4jVersion()}.jar`)) {
    throw new ConfigError(`Maven finished, but "${dir}" has no neo4j-${neo4jVersion()}.jar.`);
  }
  fs.writeFileSync(complete, `${jars.length} jars\n`);
  return dir;
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Process bookkeeping.

/** The pid of this instance's server if it is running (checked against /proc, not just the file). */
export function runningPid(instance: LocalInstance): number | undefined {
  const file = pidFile(instance);
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  // A recycled pid belongs to some other process: only ours has our home dir on its command line.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes(instanceDir(instance))) return undefined;
  } catch {
    // No /proc (not Linux): trust the pid file.
  }
  return pid;
}

function writeConf(instance: LocalInstance): string {
  const home = instanceDir(instance);
  const confDir = path.join(home, 'conf');
  for (const sub of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) {
    fs.mkdirSync(path.join(home, sub), { recursive: true });
  }
  const { boltPort, heapSize, pageCacheSize } = instance.settings;
  const lines = [
    '# Written by medicon-graph on every start (src/neo4j/localServer.ts); edits here are lost.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    // The heap is set with -Xms/-Xmx on the java command line (the entry point runs in our JVM);
    // these two lines keep the conf honest about it.
    `server.memory.heap.initial_size=${heapSize}`,
    `server.memory.heap.max_size=${heapSize}`,
    `server.memory.pagecache.size=${pageCacheSize}`,
    `server.directories.data=${path.join(home, 'data')}`,
    `server.directories.logs=${path.join(home, 'logs')}`,
    `server.directories.plugins=${path.join(home, 'plugins')}`,
    `server.directories.run=${path.join(home, 'run')}`,
    `server.directories.import=${path.join(home, 'import')}`,
    // These machines have no internet: do not try to send usage data.
    'dbms.usage_report.enabled=false',
    // A transaction that runs away is stopped rather than left to hold the database.
    'db.transaction.timeout=120s',
    '',
  ];
  fs.writeFileSync(path.join(confDir, 'neo4j.conf'), lines.join('\n'));
  return confDir;
}

function tail(file: string, lines: number): string {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function boltAnswers(uri: string, password: string): Promise<'ok' | 'unreachable' | 'unauthorized'> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(LOCAL_USER, password), {
    connectionTimeout: 2000,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await driver.verifyAuthentication();
    return 'ok';
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code.includes('Unauthorized') || code.includes('AuthenticationRateLimit') ? 'unauthorized' : 'unreachable';
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------------------------------------
// start / stop / status

/**
 * Starts the instance (or finds it running) and waits until Bolt accepts its password.
 * Throws a ConfigError naming what is missing: Java, Maven, a free port, the password.
 */
export async function startLocalNeo4j(instance: LocalInstance, log: Log = () => undefined): Promise<StartResult> {
  const password = localPassword(instance);
  const uri = boltUri(instance);
  const existing = runningPid(instance);
  if (existing) {
    log(`Neo4j (${instance.name}) is already running (pid ${existing}) at ${uri}.`);
    await waitForBolt(instance, uri, password, existing);
    return { uri, user: LOCAL_USER, password, startedByUs: false, pid: existing };
  }
  if (await isPortInUse(instance.settings.boltPort)) {
    throw new ConfigError(
      `Port ${instance.settings.boltPort} on 127.0.0.1 is in use by another process, so Neo4j (${instance.name}) cannot listen there; ` +
        `stop that process or choose another port with ${instance.name === 'test' ? 'NEO4J_TEST_BOLT_PORT' : 'NEO4J_BOLT_PORT'}.`,
    );
  }
  const java = findJava();
  const jars = ensureJars(instance.settings, log);
  const home = instanceDir(instance);
  const confDir = writeConf(instance);
  const classpath = path.join(jars, '*');

  // The initial password only takes effect before the store's first start.
  const isNewStore = !fs.existsSync(path.join(home, 'data', 'dbms'));
  if (isNewStore) {
    const setPassword = spawnSync(
      java,
      ['-cp', classpath, ADMIN_ENTRY_POINT, 'dbms', 'set-initial-password', '--', password],
      { encoding: 'utf8', env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: confDir } },
    );
    if (setPassword.status !== 0) {
      throw new ConfigError(
        `neo4j-admin could not set the initial password (exit ${setPassword.status}): ${(setPassword.stderr || setPassword.stdout).trim()}`,
      );
    }
  }

  const consoleLog = path.join(home, 'logs', 'console.log');
  const out = fs.openSync(consoleLog, 'a');
  const { heapSize } = instance.settings;
  log(`Starting Neo4j ${neo4jVersion()} (${instance.name}) on ${uri}${isNewStore ? ' with a new store' : ''}...`);
  const child = spawn(
    java,
    [
      `-Xms${heapSize}`,
      `-Xmx${heapSize}`,
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      ENTRY_POINT,
      `--home-dir=${home}`,
      `--config-dir=${confDir}`,
    ],
    { detached: true, stdio: ['ignore', out, out], cwd: home },
  );
  fs.closeSync(out);
  if (child.pid === undefined) throw new ConfigError(`Could not start "${java}".`);
  child.unref();
  fs.writeFileSync(pidFile(instance), `${child.pid}\n`);
  try {
    await waitForBolt(instance, uri, password, child.pid);
  } catch (error) {
    await stopPid(child.pid, 30_000);
    fs.rmSync(pidFile(instance), { force: true });
    throw error;
  }
  return { uri, user: LOCAL_USER, password, startedByUs: true, pid: child.pid };
}

async function waitForBolt(instance: LocalInstance, uri: string, password: string, pid: number): Promise<void> {
  const deadline = Date.now() + instance.settings.startTimeoutSeconds * 1000;
  const logs = path.join(instanceDir(instance), 'logs');
  for (;;) {
    const state = await boltAnswers(uri, password);
    if (state === 'ok') return;
    if (state === 'unauthorized') {
      throw new ConfigError(
        `Neo4j (${instance.name}) at ${uri} rejected the password: the store keeps the password it was first started with; ` +
          `set NEO4J_PASSWORD to that one, or remove "${path.join(instanceDir(instance), 'data')}" to start afresh.`,
      );
    }
    if (!isAlive(pid)) {
      throw new ConfigError(
        `Neo4j (${instance.name}) exited while starting; the end of its log:\n` +
          (tail(path.join(logs, 'console.log'), 20) || tail(path.join(logs, 'neo4j.log'), 20)),
      );
    }
    if (Date.now() > deadline) {
      throw new ConfigError(
        `Neo4j (${instance.name}) did not answer on ${uri} within ${instance.settings.startTimeoutSeconds} s ` +
          `(NEO4J_START_TIMEOUT); see ${logs}.`,
      );
    }
    await sleep(500);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends SIGTERM (a clean shutdown), then SIGKILL after `graceMs`. */
async function stopPid(pid: number, graceMs: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Stops the instance if it runs; resolves false when it was not running. */
export async function stopLocalNeo4j(instance: LocalInstance, log: Log = () => undefined): Promise<boolean> {
  const pid = runningPid(instance);
  if (!pid) return false;
  log(`Stopping Neo4j (${instance.name}, pid ${pid})...`);
  await stopPid(pid, 60_000);
  fs.rmSync(pidFile(instance), { force: true });
  return true;
}

export interface AdminResult {
  status: number;
  /** stdout and stderr together, as neo4j-admin prints its progress and errors to both. */
  output: string;
}

/**
 * Runs neo4j-admin (`org.neo4j.server.startup.Neo4jAdminCommand`, in the server's own jars) on
 * this instance's home and conf, e.g. `['database', 'dump', 'neo4j', '--to-path=…']`. Commands
 * that touch a store (dump, load) need the server stopped: Community has no online backup.
 */
export function runNeo4jAdmin(
  instance: LocalInstance,
  args: string[],
  log: Log = () => undefined,
): Promise<AdminResult> {
  const java = findJava();
  const jars = ensureJars(instance.settings, log);
  const confDir = writeConf(instance);
  return new Promise((resolve, reject) => {
    const child = spawn(java, ['-cp', path.join(jars, '*'), ADMIN_ENTRY_POINT, ...args], {
      env: { ...process.env, NEO4J_HOME: instanceDir(instance), NEO4J_CONF: confDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

export interface LocalStatus {
  instance: string;
  version: string;
  running: boolean;
  pid?: number;
  uri: string;
  boltAnswers: boolean;
  jarsFetched: boolean;
}

export async function localNeo4jStatus(instance: LocalInstance): Promise<LocalStatus> {
  const pid = runningPid(instance);
  const uri = boltUri(instance);
  return {
    instance: instance.name,
    version: neo4jVersion(),
    running: pid !== undefined,
    ...(pid !== undefined ? { pid } : {}),
    uri,
    boltAnswers: pid !== undefined && (await boltAnswers(uri, localPassword(instance))) === 'ok',
    jarsFetched: fs.existsSync(path.join(jarsDir(instance.settings), '.complete')),
  };
}
