/**
 * `npm run data:gaps`: the completeness check. Lists what the documents in seed/documents/ name
 * that no entity resolves, and the relation sentences whose entities the graph does not join, less
 * what seed/exclusions.yaml leaves out on purpose (see docs/seed-format.md). Files only: no Neo4j.
 * `--json` prints the report as JSON. Exits 1 when anything is unexplained or an exclusion is stale.
 */
import path from 'node:path';
import { runCli } from '../src/cli';
import { PROJECT_ROOT } from '../src/config';
import { ConfigError } from '../src/errors';
import { checkGaps } from '../src/gaps/checkGaps';
import { formatGapReport } from '../src/gaps/formatGapReport';

runCli(async (args) => {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) throw new ConfigError(`Unknown argument "${unknown[0]}"; data:gaps takes only --json.`);
  const report = checkGaps(path.join(PROJECT_ROOT, 'seed'));
  console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatGapReport(report));
  const { names, sentences, stale } = report.totals;
  return names + sentences + stale === 0 ? 0 : 1;
});
