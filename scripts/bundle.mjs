#!/usr/bin/env node
// Bundles the CLI for start-up speed: one CommonJS file instead of ~170 ES modules, so a command
// spends its first ~40 ms running instead of resolving and compiling modules, and one file V8 can
// keep a code cache for (scripts/code-cache.mjs, loaded by bin/load-bundle.js).
//   dist/bundle/cli.cjs          the CLI (bin/pigsty-gitops.js loads it)
//   dist/bundle/cli.cjs.cache    V8's code cache for it, from a training run
// A command's heavy parts are still initialised only when it runs (esbuild keeps lazy imports
// lazy). Packages with native parts, WASM or worker files of their own stay external (loaded from
// node_modules at run time). `npm run build` runs tsc first (type errors stop the build).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCodeCache } from './code-cache.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
const EXTERNAL = ['ssh2', 'cpu-features', 'pg', 'pg-native', '@electric-sql/pglite', 'pino', 'prom-client', 'express', 'chokidar'];

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outfile: join(outdir, 'cli.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: EXTERNAL,
  // Sources locate package files from their own URL (schemas/, hooks/): in the bundle that is the bundle's.
  define: { 'import.meta.url': '__pigstyGitopsBundleUrl' },
  banner: { js: "const __pigstyGitopsBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
await writeCodeCache();
