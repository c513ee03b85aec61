/**
 * `npm run data:sample -- [--basis STATED] [--n 50] [--seed 1]`: a reproducible random sample of
 * curated relationships (from seed/, no database), each with its type, ends, basis and quotes, for
 * reading against the documents: the precision check of docs/model.md ("Basis").
 */
import { SeededRandom } from '../bench/random';
import { SEED_DIR } from '../src/bootstrap';
import { runCli } from '../src/cli';
import { loadSeedFiles } from '../src/seed/loadSeedFiles';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

runCli(async (args) => {
  const basis = option(args, 'basis');
  const n = Number(option(args, 'n') ?? 50);
  const random = new SeededRandom(Number(option(args, 'seed') ?? 1));
  const data = loadSeedFiles(SEED_DIR);
  const names = new Map(data.entities.map((e) => [e.record.id, e.record.nameEn]));
  const pool = data.relationships.filter((r) => basis === undefined || r.basis === basis);
  // A partial Fisher-Yates shuffle: the first n of a uniformly random order.
  for (let i = 0; i < Math.min(n, pool.length); i++) {
    const j = i + random.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  pool.slice(0, n).forEach((r, i) => {
    console.log(
      `${i + 1}. ${r.from} (${names.get(r.from)}) ${r.type} ${r.to} (${names.get(r.to)})` +
        `${r.role ? ` role "${r.role}"` : ''} [${r.basis}] — ${r.origin.file}`,
    );
    for (const s of r.sources) console.log(`   ${s.doc}: "${s.quote}"`);
  });
  console.log(`\n${Math.min(n, pool.length)} of ${pool.length} relationships${basis ? ` marked ${basis}` : ''}.`);
  return 0;
});
