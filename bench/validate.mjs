#!/usr/bin/env node
// Validation speed and memory. Run after `npm run build`:
//
//   node bench/validate.mjs [--sizes 100,1000,3000] [--runs 7] [--cli-runs 5] [--no-pigsty]
//
// For each size, a synthetic inventory (bench/generate-inventory.mjs) is written to a temp dir and
//  - in process: load alone and load + validate (Validator created once, like the CLI), median of --runs
//    after one warm-up;
//  - fresh process: peak RSS of one validation (a child running the same code once);
//  - CLI process: wall time of `node bin/pigsty-gitops.js validate FILE`, median of --cli-runs, spawned
//    from a small driver process (as a shell would);
//  - Pigsty's own bin/validate (python, extracted from the mirror to a temp dir) when it runs here.
// Goal at 1,000 clusters: <= 250 ms in process, <= 500 ms CLI process, < 200 MB RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateInventory } from './generate-inventory.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'pigsty-gitops.js');
const PIGSTY_MIRROR = '/work/.mirror/pgsty+pigsty/repo';
const GOAL = { clusters: 1000, inProcessMs: 250, cliMs: 500, rssMb: 200 };

async function importDist() {
  const dist = (p) => pathToFileURL(join(ROOT, 'dist', p)).href;
  const { createValidator } = await import(dist('validate/validate.js'));
  const { DiskContentProvider } = await import(dist('inventory/disk-provider.js'));
  const { loadInventory } = await import(dist('inventory/load.js'));
  return { createValidator, DiskContentProvider, loadInventory };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeMedian(runs, fn) {
  await fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** `--child DIR FILE`: validate once in this fresh process, print timing and peak RSS as JSON. */
async function child(dir, file) {
  const { createValidator, DiskContentProvider } = await importDist();
  const start = performance.now();
  const validator = createValidator();
  const result = await validator.validateSource(new DiskContentProvider(dir), file);
  const ms = performance.now() - start;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMb, valid: result.valid, diagnostics: result.diagnostics.length }));
}

function cliWallMs(dir, file, runs) {
  const once = () => {
    const start = performance.now();
    const out = spawnSync(process.execPath, [BIN, 'validate', file], { cwd: dir, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (out.status !== 0 && out.status !== 1) throw new Error(`CLI failed (${out.status}): ${out.stderr}`);
    return { ms, status: out.status };
  };
  once();
  const results = Array.from({ length: runs }, once);
  return { ms: median(results.map((r) => r.ms)), status: results[0].status };
}

/** Pigsty's bin/validate from the mirror, into a temp dir (never into the repository). */
function extractPigstyValidate(tmp) {
  try {
    const script = execFileSync('git', ['-C', PIGSTY_MIRROR, 'show', 'HEAD:bin/validate'], { encoding: 'utf8' });
    const path = join(tmp, 'pigsty-bin-validate.py');
    writeFileSync(path, script);
    execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' });
    return path;
  } catch {
    return undefined;
  }
}

function pigstyWallMs(script, path, runs) {
  const times = [];
  let status;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = spawnSync('python3', [script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - start);
    status = out.status;
  }
  return { ms: median(times), status };
}

function parseArgs(argv) {
  const opts = { sizes: [100, 1000, 3000], runs: 7, cliRuns: 5, pigsty: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--sizes') opts.sizes = argv[++i].split(',').map(Number);
    else if (flag === '--runs') opts.runs = Number(argv[++i]);
    else if (flag === '--cli-runs') opts.cliRuns = Number(argv[++i]);
    else if (flag === '--no-pigsty') opts.pigsty = false;
    else throw new Error(`unknown flag ${flag}`);
  }
  return opts;
}

const fmt = (n) => (n === undefined ? '-' : n.toFixed(0));

async function run(opts) {
  const { createValidator, DiskContentProvider, loadInventory } = await importDist();
  const tmp = mkdtempSync(join(tmpdir(), 'pigsty-gitops-bench-'));
  const pigsty = opts.pigsty ? extractPigstyValidate(tmp) : undefined;
  const rows = [];
  try {
    const validator = createValidator();
    for (const clusters of opts.sizes) {
      const text = generateInventory({ clusters });
      const file = `pigsty-${clusters}.yml`;
      writeFileSync(join(tmp, file), text);
      const provider = new DiskContentProvider(tmp);
      const loadMs = await timeMedian(opts.runs, () => loadInventory(provider, file));
      let valid;
      const validateMs = await timeMedian(opts.runs, async () => {
        valid = (await validator.validateSource(provider, file)).valid;
      });
      const childOut = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', tmp, file], { encoding: 'utf8' });
      const fresh = childOut.status === 0 ? JSON.parse(childOut.stdout) : undefined;
      // Timed from a small driver process: spawning from this process, whose heap holds the
      // in-process runs' garbage, adds ~250 ms of fork overhead that a shell would not pay.
      const driver = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cli-child', tmp, file, String(opts.cliRuns)], { encoding: 'utf8' });
      if (driver.status !== 0) throw new Error(`CLI timing failed: ${driver.stderr}`);
      const cli = JSON.parse(driver.stdout);
      const py = pigsty === undefined ? undefined : pigstyWallMs(pigsty, join(tmp, file), clusters >= 1000 ? 1 : 3);
      rows.push({
        clusters, mb: text.length / 1e6, loadMs, validateMs, valid, freshMs: fresh?.ms, rssMb: fresh?.maxRssMb,
        cliMs: cli.ms, cliExit: cli.status, pigstyMs: py?.ms, pigstyExit: py?.status,
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`validate bench (node ${process.version}; median of ${opts.runs} in process, ${opts.cliRuns} CLI runs)`);
  console.log('clusters   size MB  load ms  validate ms  cold ms  peak RSS MB  CLI ms  CLI exit  pigsty bin/validate ms (exit)');
  for (const r of rows) {
    console.log(
      `${String(r.clusters).padStart(8)}  ${r.mb.toFixed(2).padStart(8)}  ${fmt(r.loadMs).padStart(7)}  ${fmt(r.validateMs).padStart(11)}` +
        `  ${fmt(r.freshMs).padStart(7)}  ${fmt(r.rssMb).padStart(11)}  ${fmt(r.cliMs).padStart(6)}  ${String(r.cliExit).padStart(8)}` +
        `  ${r.pigstyMs === undefined ? 'not run' : `${fmt(r.pigstyMs)} (${r.pigstyExit})`}`,
    );
  }
  const goal = rows.find((r) => r.clusters === GOAL.clusters);
  if (goal !== undefined) {
    const checks = [
      [`in process ${fmt(goal.validateMs)} ms <= ${GOAL.inProcessMs}`, goal.validateMs <= GOAL.inProcessMs],
      [`CLI ${fmt(goal.cliMs)} ms <= ${GOAL.cliMs}`, goal.cliMs <= GOAL.cliMs],
      [`RSS ${fmt(goal.rssMb)} MB < ${GOAL.rssMb}`, goal.rssMb !== undefined && goal.rssMb < GOAL.rssMb],
    ];
    for (const [label, ok] of checks) console.log(`goal ${ok ? 'met   ' : 'MISSED'} ${label}`);
    return checks.every(([, ok]) => ok);
  }
  return true;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  await child(argv[1], argv[2]);
} else if (argv[0] === '--cli-child') {
  process.stdout.write(JSON.stringify(cliWallMs(argv[1], argv[2], Number(argv[3]))));
} else {
  const ok = await run(parseArgs(argv));
  process.exitCode = ok ? 0 : 1;
}
