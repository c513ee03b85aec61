/**
 * Bundles the browser pages (web/) with esbuild into dist/web/, from npm packages only.
 * Run by `npm run build`.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { runCli } from '../src/cli';

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
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
    outdir,
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(PROJECT_ROOT, 'web', 'graphiql', 'index.html'), path.join(outdir, 'graphiql.html'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'web', 'explorer', 'index.html'), path.join(outdir, 'explorer.html'));
  console.log(`Built the web pages into ${path.relative(PROJECT_ROOT, outdir)}/.`);
});
