/**
 * `npm run neo4j -- start|stop|status [--test]`: manages the project's own Neo4j server
 * (see src/neo4j/localServer.ts). `--test` acts on the test instance instead of the dev one.
 */
import { loadConfig } from '../src/config';
import { localInstance } from '../src/neo4j/connection';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/neo4j/localServer';
import { runCli } from '../src/cli';

runCli(async (args) => {
  const [command] = args.filter((a) => !a.startsWith('--'));
  const profile = args.includes('--test') ? 'test' : 'dev';
  const config = loadConfig(process.env, profile);
  if (config.external) {
    console.log(
      `NEO4J_${profile === 'test' ? 'TEST_' : ''}URI is set (${config.external.uri}): no local server is managed.`,
    );
    return 0;
  }
  const instance = localInstance(config, profile);
  switch (command) {
    case 'start': {
      const started = await startLocalNeo4j(instance, console.log);
      console.log(
        `Neo4j (${profile}) answers at ${started.uri} (pid ${started.pid}); user "${started.user}", password in ${config.local.runtimeDir}/password unless NEO4J_PASSWORD is set.`,
      );
      return 0;
    }
    case 'stop':
      console.log(
        (await stopLocalNeo4j(instance, console.log))
          ? `Neo4j (${profile}) stopped.`
          : `Neo4j (${profile}) was not running.`,
      );
      return 0;
    case 'status': {
      const status = await localNeo4jStatus(instance);
      console.log(JSON.stringify(status, null, 2));
      return status.running ? 0 : 3;
    }
    default:
      console.error('Usage: npm run neo4j -- start|stop|status [--test]');
      return 2;
  }
});
