/**
 * `node dist/bench/neo4jCli.js start|stop`: starts or stops the benchmark's own Neo4j by hand
 * (`npm run bench` starts and stops it on its own).
 */
import { runCli } from '../src/cli';
import { stopLocalNeo4j } from '../src/neo4j/localServer';
import { benchInstance, startBenchNeo4j } from './benchNeo4j';

runCli(async ([command]) => {
  if (command === 'start') {
    const { started } = await startBenchNeo4j(console.log);
    console.log(`Benchmark Neo4j answers at ${started.uri} (pid ${started.pid}).`);
    return 0;
  }
  if (command === 'stop') {
    console.log((await stopLocalNeo4j(benchInstance(), console.log)) ? 'Stopped.' : 'It was not running.');
    return 0;
  }
  console.error('usage: neo4jCli start|stop');
  return 2;
});
