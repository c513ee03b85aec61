import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { startLocalNeo4j, stopLocalNeo4j, type LocalInstance, type StartResult } from '../src/neo4j/localServer';

/**
 * The benchmark's own Neo4j: a separate instance (`bench`) with its own Bolt port and data folder
 * (`<runtime dir>/bench/`), so that loading 100k synthetic actors never touches the curated graph
 * of `npm start` (port 7687) or the tests' server (7688). It shares the jars of the project's
 * runtime dir (NEO4J_RUNTIME_DIR, default .neo4j); BENCH_NEO4J_RUNTIME_DIR, BENCH_NEO4J_BOLT_PORT,
 * BENCH_NEO4J_HEAP_SIZE and BENCH_NEO4J_PAGECACHE_SIZE move or size it.
 */
export function benchInstance(env: NodeJS.ProcessEnv = process.env): LocalInstance {
  return {
    name: 'bench',
    settings: {
      runtimeDir: path.resolve(PROJECT_ROOT, env.BENCH_NEO4J_RUNTIME_DIR || env.NEO4J_RUNTIME_DIR || '.neo4j'),
      boltPort: Number(env.BENCH_NEO4J_BOLT_PORT || 7697),
      // 100k actors and about a million relationships fit a 1 GB page cache; the heap has room
      // for the large sorts that @neo4j/graphql's offset paging asks for.
      heapSize: env.BENCH_NEO4J_HEAP_SIZE || '2g',
      pageCacheSize: env.BENCH_NEO4J_PAGECACHE_SIZE || '1g',
      startTimeoutSeconds: 300,
    },
  };
}

export interface BenchNeo4j {
  started: StartResult;
  /** Stops the server if this process started it. */
  release(): Promise<void>;
}

export async function startBenchNeo4j(
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BenchNeo4j> {
  const instance = benchInstance(env);
  const started = await startLocalNeo4j(instance, log);
  return {
    started,
    release: async () => {
      if (started.startedByUs) await stopLocalNeo4j(instance, log);
    },
  };
}
