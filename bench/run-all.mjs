#!/usr/bin/env node
// Runs every benchmark in bench/ (each *.mjs except this runner and the inventory generator),
// one after another with their output streamed, then prints a summary. `npm run bench` builds first.
//
//   node bench/run-all.mjs [name-filter]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const NOT_BENCHMARKS = new Set(['run-all.mjs', 'generate-inventory.mjs']);
const filter = process.argv[2];

const benches = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.mjs') && !NOT_BENCHMARKS.has(name))
  .filter((name) => filter === undefined || name.includes(filter))
  .sort();

const summary = [];
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(BENCH_DIR, name)], { stdio: 'inherit', cwd: join(BENCH_DIR, '..') });
  summary.push({ name, status: result.status ?? `signal ${result.signal}`, seconds: (performance.now() - start) / 1000 });
}

console.log('\n=== summary ===');
for (const { name, status, seconds } of summary) {
  const verdict = status === 0 ? 'ok' : status === 1 ? 'goal missed' : `failed (${status})`;
  console.log(`${name.padEnd(28)} ${verdict.padEnd(14)} ${seconds.toFixed(1)} s`);
}
const failed = summary.filter((s) => s.status !== 0 && s.status !== 1).length;
const missed = summary.filter((s) => s.status === 1).length;
console.log(`${summary.length} benchmarks, ${missed} missed a goal, ${failed} failed to run`);
process.exitCode = failed > 0 ? 2 : missed > 0 ? 1 : 0;
