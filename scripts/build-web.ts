/**
 * Bundles the browser pages (web/) with esbuild into dist/web/, from npm packages only.
 * Run by `npm run build`.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { runCli } from '../src/cli';

/**
 * The README's example questions, in its order: every row of its table that links a
 * docs/queries/*.graphql file, with that file's text. GraphiQL opens them as tabs and lists them.
 */
export function exampleQuestions(): { question: string; file: string; query: string }[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const rows = readme.matchAll(/^\| (.+?) \| \[(docs\/queries\/[\w.-]+\.graphql)\]/gm);
  return [...rows].map(([, question, file]) => ({
    question: question!,
    file: file!,
    query: fs.readFileSync(path.join(PROJECT_ROOT, file!), 'utf8'),
  }));
}

runCli(async () => {
  const outdir = path.join(PROJECT_ROOT, 'dist', 'web');
  fs.mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: {
      graphiql: path.join(PROJECT_ROOT, 'web', 'graphiql', 'main.tsx'),
      explorer: path.join(PROJECT_ROOT, 'web', 'explorer', 'main.ts'),
    },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: ['es2022'],
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      EXAMPLE_QUESTIONS: JSON.stringify(exampleQuestions()),
    },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
    outdir,
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(PROJECT_ROOT, 'web', 'graphiql', 'index.html'), path.join(outdir, 'graphiql.html'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'web', 'explorer', 'index.html'), path.join(outdir, 'explorer.html'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'web', 'favicon.svg'), path.join(outdir, 'favicon.svg'));
  console.log(`Built the web pages into ${path.relative(PROJECT_ROOT, outdir)}/.`);
});
