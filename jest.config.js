/**
 * Three tiers: `unit` needs no database; `integration` runs against the real Neo4j that
 * scripts/run-tests.ts starts (or NEO4J_TEST_URI) and the real server in process; `browser`
 * drives the real pages in Debian's Chromium (scripts/install-chromium.sh).
 * Integration tests share one database, so they run one file at a time (--runInBand).
 */
const tsJest = ['ts-jest', { diagnostics: false }];
/** @type {import('jest').Config} */
module.exports = {
  // Integration tests start processes and walk real data: allow a minute (a global option).
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/integration'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      // The real pages in headless Chromium (scripts/install-chromium.sh), against the real server.
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/browser'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
