#!/usr/bin/env node
// How fast could the plan CLI be if validation cost nothing? Builds a variant of the CLI bundle
// whose semantic rules and schema check are empty (an esbuild plugin replaces
// src/validate/rules/index.ts and src/validate/schema-check.ts; nothing in src/ changes), gives it
// its own trained V8 code cache like the real one, and times both CLIs on the plan benchmark's
// inventories, runs interleaved so a drifting machine slows both alike.
//
//   npm run build && node bench/plan-floor.mjs [--clusters 1000] [--mutate 50] [--runs 9]
//
// The variant lives in dist/bench-floor/ (removed afterwards). Exit 0, or 2 when it cannot run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliBundleOptions, ROOT } from '../scripts/bundle-options.mjs';
import { writeCodeCache } from '../scripts/code-cache.mjs';
import { median } from './support/median.mjs';
import { writePlanInventories } from './support/plan-inventories.mjs';

/** Replaces the rules and the schema check with empty ones. */
const noValidation = {
  name: 'no-validation',
  setup(b) {
    b.onLoad({ filter: /src[\\/]validate[\\/]rules[\\/]index\.ts$/ }, () => ({ contents: 'export function allRules() { return []; }', loader: 'ts' }));
    b.onLoad({ filter: /src[\\/]validate[\\/]schema-check\.ts$/ }, () => ({ contents: 'export function createSchemaChecker() { return { check: () => [] }; }', loader: 'ts' }));
  },
};

function parseArgs(argv) {
  const opts = { clusters: 1000, mutate: 50, runs: 9 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[++i]);
    if (!['--clusters', '--mutate', '--runs'].includes(flag) || !Number.isInteger(value) || value < 1) throw new Error(`usage: plan-floor.mjs [--clusters N] [--mutate K] [--runs R] (got ${flag})`);
    opts[flag.slice(2)] = value;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const variantDir = join(ROOT, 'dist', 'bench-floor');
  const dataDir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-plan-floor-'));
  try {
    const bundle = join(variantDir, 'cli.cjs');
    await build(cliBundleOptions(bundle, [noValidation]));
    await writeCodeCache(bundle);
    const launcher = join(variantDir, 'launch.mjs');
    writeFileSync(launcher, `import { loadBundle } from ${JSON.stringify(join(ROOT, 'bin', 'load-bundle.js'))};\nprocess.exitCode = await loadBundle({ bundle: ${JSON.stringify(bundle)} }).exports.main(process.argv.slice(2));\n`);

    const { base, target } = writePlanInventories(dataDir, opts.clusters, opts.mutate);

    const args = ['plan', '--format', 'json', '--base', base, target];
    const cli = { full: [join(ROOT, 'bin', 'pigsty-gitops.js'), ...args], floor: [launcher, ...args] };
    const ms = { full: [], floor: [], node: [] };
    for (let i = 0; i < opts.runs; i++) {
      for (const which of ['full', 'floor']) {
        const start = performance.now();
        const out = spawnSync(process.execPath, cli[which], { cwd: dataDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        ms[which].push(performance.now() - start);
        if (out.status !== 0) throw new Error(`${which} CLI exited ${out.status}: ${out.stderr}`);
      }
      const start = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      ms.node.push(performance.now() - start);
    }
    console.log(`plan floor bench (node ${process.version}; ${opts.clusters} clusters, --mutate ${opts.mutate}; median of ${opts.runs}, interleaved)`);
    console.log(`plan CLI, full validation:     ${median(ms.full).toFixed(0)} ms`);
    console.log(`plan CLI, no rules, no schema: ${median(ms.floor).toFixed(0)} ms (what no validator, however fast, can go below)`);
    console.log(`\`node -e 0\`:                   ${median(ms.node).toFixed(0)} ms`);
  } finally {
    rmSync(variantDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exitCode = 2;
});
