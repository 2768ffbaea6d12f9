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
import { join } from 'node:path';
import { cliBundleOptions, ROOT } from './bundle-options.mjs';
import { writeCodeCache } from './code-cache.mjs';

const outdir = join(ROOT, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build(cliBundleOptions(join(outdir, 'cli.cjs')));
await writeCodeCache();
