import type { AppConfig, Neo4jConnectionConfig } from '../config';
import { startLocalNeo4j, stopLocalNeo4j, type LocalInstance } from './localServer';

/** The local instance of a profile: `dev` for `npm start`, `test` for `npm test`. */
export function localInstance(config: AppConfig, name: 'dev' | 'test'): LocalInstance {
  return { name, settings: config.local, ...(config.localPassword ? { password: config.localPassword } : {}) };
}

export interface Neo4jHandle {
  connection: Neo4jConnectionConfig;
  /** Stops the server if this process started it; a no-op for an external or already running one. */
  release(): Promise<void>;
  describe: string;
}

/**
 * Gives the connection to use: the external Neo4j when NEO4J_URI (NEO4J_TEST_URI for tests) is
 * set, otherwise the project's own server, started if needed.
 */
export async function ensureNeo4j(
  config: AppConfig,
  name: 'dev' | 'test',
  log: (m: string) => void,
): Promise<Neo4jHandle> {
  if (config.external) {
    return {
      connection: config.external,
      release: async () => undefined,
      describe: `external Neo4j at ${config.external.uri}`,
    };
  }
  const instance = localInstance(config, name);
  const started = await startLocalNeo4j(instance, log);
  return {
    connection: { uri: started.uri, user: started.user, password: started.password, database: undefined },
    release: async () => {
      if (started.startedByUs) await stopLocalNeo4j(instance, log);
    },
    describe: `local Neo4j (${name}) at ${started.uri}${started.startedByUs ? '' : ', already running'}`,
  };
}
