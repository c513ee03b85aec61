import os from 'node:os';
import { loadApiSettings, loadConfig } from '../../src/config';

test('defaults: the project runs its own Neo4j, dev and test on different ports', () => {
  const dev = loadConfig({}, 'dev');
  const test = loadConfig({}, 'test');
  expect(dev.external).toBeUndefined();
  expect(dev.port).toBe(4000);
  expect(dev.local.boltPort).toBe(7687);
  expect(test.local.boltPort).toBe(7688);
  expect(dev.local.runtimeDir).toBe(test.local.runtimeDir);
});

test('NEO4J_URI points at another Neo4j; the test profile reads NEO4J_TEST_* instead', () => {
  const env = { NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'medicon' };
  expect(loadConfig(env).external).toEqual({
    uri: env.NEO4J_URI,
    user: 'neo4j',
    password: 'secret',
    database: 'medicon',
  });
  // Tests never write into the database the user configured for the app.
  expect(loadConfig(env, 'test').external).toBeUndefined();
  expect(loadConfig({ NEO4J_TEST_URI: 'bolt://h:7687', NEO4J_TEST_PASSWORD: 'p' }, 'test').external?.uri).toBe(
    'bolt://h:7687',
  );
});

test('bad values are refused with a message naming the variable and the value', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 0 to 65535, not "eighty".');
  expect(() => loadConfig({ NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'p' })).toThrow(
    /NEO4J_URI must start with neo4j:\/\//,
  );
  expect(() => loadConfig({ NEO4J_URI: 'bolt://x:7687' })).toThrow(
    'NEO4J_URI is set, so NEO4J_PASSWORD must be set too.',
  );
  expect(() => loadConfig({ NEO4J_HEAP_SIZE: 'lots' })).toThrow(
    'NEO4J_HEAP_SIZE must be a memory size such as "512m" or "2g", not "lots".',
  );
});

test('SEED_RELOAD and MEDICON_EXPOSE_QUERY_COUNT are switches, off unless set, and a bad value names the variable', () => {
  expect(loadConfig({}).reloadSeed).toBe(false);
  expect(loadConfig({ SEED_RELOAD: '1' }).reloadSeed).toBe(true);
  expect(loadConfig({ SEED_RELOAD: 'false' }).reloadSeed).toBe(false);
  expect(() => loadConfig({ SEED_RELOAD: 'please' })).toThrow('SEED_RELOAD must be true or false, not "please".');
  expect(loadApiSettings({}).exposeQueryCount).toBe(false);
  expect(loadApiSettings({ MEDICON_EXPOSE_QUERY_COUNT: '1' }).exposeQueryCount).toBe(true);
  expect(() => loadApiSettings({ MEDICON_EXPOSE_QUERY_COUNT: 'maybe' })).toThrow(
    'MEDICON_EXPOSE_QUERY_COUNT must be true or false, not "maybe".',
  );
});

test('MEDICON_LOG_REQUESTS_EVERY samples request lines: every one by default', () => {
  expect(loadApiSettings({}).requestLogEvery).toBe(1);
  expect(loadApiSettings({ MEDICON_LOG_REQUESTS_EVERY: '100' }).requestLogEvery).toBe(100);
  expect(() => loadApiSettings({ MEDICON_LOG_REQUESTS_EVERY: '0' })).toThrow(/MEDICON_LOG_REQUESTS_EVERY/);
});

test('the limit on expensive operations: one per two cores and a queue of 16 times that, unless set', () => {
  const defaults = loadApiSettings({});
  expect(defaults.maxConcurrentExpensive).toBe(Math.max(1, Math.floor(os.availableParallelism() / 2)));
  expect(defaults.expensiveQueue).toBe(16 * defaults.maxConcurrentExpensive);
  const set = loadApiSettings({ MEDICON_MAX_CONCURRENT_EXPENSIVE: '3', MEDICON_EXPENSIVE_QUEUE: '0' });
  expect([set.maxConcurrentExpensive, set.expensiveQueue]).toEqual([3, 0]);
  expect(loadApiSettings({ MEDICON_MAX_CONCURRENT_EXPENSIVE: '5' }).expensiveQueue).toBe(80);
  expect(() => loadApiSettings({ MEDICON_MAX_CONCURRENT_EXPENSIVE: '0' })).toThrow(
    'MEDICON_MAX_CONCURRENT_EXPENSIVE must be a whole number from 1 to 10000, not "0".',
  );
});
