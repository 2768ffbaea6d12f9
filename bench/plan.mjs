#!/usr/bin/env node
// Plan benchmark: two 1,000-cluster inventories with 50 scattered changes
// (bench/generate-inventory.mjs --clusters N [--mutate K]).
//
//   npm run build && node bench/plan.mjs [--clusters 1000] [--mutate 50] [--runs 7] [--no-pigsty]
//
//  - in process: validate the target and load the base as the CLI does (the base reusing the
//    target's unchanged entries and models), diff + plan, each rendering (median of --runs);
//  - CLI process: wall time of `node bin/pigsty-gitops.js plan --format json --base A B` (median);
//    goal ≤ 300 ms;
//  - Pigsty's own bin/validate (python, extracted from the mirror to a temp dir, never committed)
//    on the target file, when python3 and PyYAML are available here; goal: plan ≥ 10× faster.
//    Its runs are interleaved with the CLI runs, so a machine whose speed drifts (shared hosts)
//    slows both sides of the ratio alike;
//  - `node -e 0` on this machine, for scale: the part of the CLI time no code of ours can remove.
// Exit 0 goals met, 1 a goal missed, 2 the benchmark could not run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './support/median.mjs';
import { writePlanInventories } from './support/plan-inventories.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'pigsty-gitops.js');
const PIGSTY_MIRROR = '/work/.mirror/pgsty+pigsty/repo';
const GOAL_CLI_MS = 300;
const dist = (p) => pathToFileURL(join(ROOT, 'dist', p)).href;

function parseArgs(argv) {
  const opts = { clusters: 1000, mutate: 50, runs: 7, pigsty: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--clusters') opts.clusters = Number(argv[++i]);
    else if (flag === '--mutate') opts.mutate = Number(argv[++i]);
    else if (flag === '--runs') opts.runs = Number(argv[++i]);
    else if (flag === '--no-pigsty') opts.pigsty = false;
    else throw new Error(`unknown flag ${flag}`);
  }
  return opts;
}

function time(fn, runs) {
  fn();
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
  }
  return { ms: median(ms), result };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-plan-bench-'));
  try {
    const { base, target } = writePlanInventories(dir, opts.clusters, opts.mutate);
    const { loadInventoryText } = await import(dist('inventory/load.js'));
    const { buildInventory } = await import(dist('inventory/build.js'));
    const { createValidator } = await import(dist('validate/validate.js'));
    const { buildPlan } = await import(dist('plan/plan.js'));
    const { renderContextFor } = await import(dist('plan/render-context.js'));
    const { renderText } = await import(dist('plan/render-text.js'));
    const { renderJson } = await import(dist('plan/render-json.js'));
    const { renderMarkdown } = await import(dist('plan/render-markdown.js'));
    const validator = createValidator();
    const baseText = readFileSync(base, 'utf8');
    const targetText = readFileSync(target, 'utf8');
    const sides = () => {
      const t = validator.validateInventory(loadInventoryText(targetText, 'target.yml').loaded);
      const loaded = loadInventoryText(baseText, 'base.yml', { reuse: t.loaded }).loaded;
      return [{ inventory: buildInventory(loaded, { reuse: t.inventory }) }, t];
    };
    const load = time(sides, opts.runs);
    const [b, t] = load.result;
    const input = { base: { label: 'base.yml', inventory: b.inventory }, target: { label: 'target.yml', inventory: t.inventory, valid: t.valid, diagnostics: t.diagnostics } };
    const plan = time(() => buildPlan(input), opts.runs);
    const ctx = renderContextFor(b.inventory, t.inventory);
    const text = time(() => renderText(plan.result, ctx), opts.runs);
    const json = time(() => renderJson(plan.result, ctx), opts.runs);
    const md = time(() => renderMarkdown(plan.result, ctx), opts.runs);

    let pigstyScript;
    let pigsty;
    if (opts.pigsty) {
      try {
        pigstyScript = join(dir, 'pigsty-bin-validate.py');
        writeFileSync(pigstyScript, execFileSync('git', ['-C', PIGSTY_MIRROR, 'show', 'HEAD:bin/validate'], { encoding: 'utf8' }));
        execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' });
      } catch (err) {
        pigsty = { error: String(err?.message ?? err).split('\n')[0] };
        pigstyScript = undefined;
      }
    }
    const cliMs = [];
    const pigstyMs = [];
    const nodeMs = [];
    let cliStatus;
    let pigstyStatus;
    for (let i = 0; i < opts.runs; i++) {
      let start = performance.now();
      const out = spawnSync(process.execPath, [BIN, 'plan', '--format', 'json', '--base', base, target], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      cliMs.push(performance.now() - start);
      cliStatus = out.status;
      start = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      nodeMs.push(performance.now() - start);
      if (pigstyScript !== undefined && i < Math.min(opts.runs, 5)) {
        start = performance.now();
        pigstyStatus = spawnSync('python3', [pigstyScript, target], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).status;
        pigstyMs.push(performance.now() - start);
      }
    }
    const cli = median(cliMs);
    if (pigstyScript !== undefined) pigsty = { ms: median(pigstyMs), status: pigstyStatus };

    const p = plan.result;
    const mb = (Buffer.byteLength(targetText) / 1e6).toFixed(1);
    console.log(`plan bench (node ${process.version}; ${opts.clusters} clusters, ${mb} MB per file, --mutate ${opts.mutate}; median of ${opts.runs})`);
    console.log(`plan: valid=${p.valid} changes=${p.changes.length} actions=${p.actions.length} markdown=${md.result.length} chars`);
    console.log(`in process: validate target + load base ${load.ms.toFixed(1)} ms, diff+plan ${plan.ms.toFixed(1)} ms, text ${text.ms.toFixed(1)} ms, json ${json.ms.toFixed(1)} ms, markdown ${md.ms.toFixed(1)} ms`);
    console.log(`CLI process (plan --format json): ${cli.toFixed(0)} ms, exit ${cliStatus} (goal ≤ ${GOAL_CLI_MS} ms); \`node -e 0\` here: ${median(nodeMs).toFixed(0)} ms`);
    if (pigsty === undefined) console.log('pigsty bin/validate: skipped (--no-pigsty)');
    else if (pigsty.error !== undefined) console.log(`pigsty bin/validate: cannot run here (${pigsty.error})`);
    else console.log(`pigsty bin/validate (target only): ${pigsty.ms.toFixed(0)} ms, exit ${pigsty.status}; plan CLI is ${(pigsty.ms / cli).toFixed(1)}× faster (goal ≥ 10×)`);
    const missed = cli > GOAL_CLI_MS || cliStatus !== 0 || (pigsty?.ms !== undefined && pigsty.ms / cli < 10);
    process.exitCode = missed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exitCode = 2;
});
