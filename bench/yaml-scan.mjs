// YAML event parse of a generated 1,000-cluster inventory: js-yaml parseEvents + PackedEvents.fromEvents
// versus fastScan, cold (first call in a fresh process, as a CLI run) and warm (median of N),
// then value construction from either packing, and how many real Pigsty inventories fastScan accepts.
// Needs `npm run build`.
//   node bench/yaml-scan.mjs [--clusters 1000] [--runs 15] [--cold-runs 7]
// Cold figures are the median of --cold-runs fresh processes.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvents } from 'js-yaml';
import { generateInventory } from './generate-inventory.mjs';
import { fastScan, fastScanBailReason } from '../dist/inventory/yaml/fast-scan.js';
import { PackedEvents } from '../dist/inventory/yaml/packed-events.js';
import { EventConstructor } from '../dist/inventory/yaml/construct.js';
import { LineIndex } from '../dist/inventory/yaml/line-index.js';

const MAX_DEPTH = 200;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const clusters = Number(arg('--clusters', '1000'));
const runs = Number(arg('--runs', '15'));
const mode = arg('--cold', undefined);
const text = generateInventory({ clusters, seed: 1 });

const parsers = {
  jsyaml: () => PackedEvents.fromEvents(parseEvents(text, { maxDepth: MAX_DEPTH })),
  fast: () => fastScan(text, MAX_DEPTH),
};
const construct = (packed) => new EventConstructor(packed, text, 'generated.yml', new LineIndex(text), 1000, []).run();

if (mode !== undefined) {
  // Child: one cold parse (and one cold construct from it), printed as JSON.
  const t0 = performance.now();
  const packed = parsers[mode]();
  const t1 = performance.now();
  if (packed === undefined) throw new Error('fastScan declined the generated inventory');
  construct(packed);
  const t2 = performance.now();
  console.log(JSON.stringify({ parse: t1 - t0, construct: t2 - t1 }));
  process.exit(0);
}

const coldRuns = Number(arg('--cold-runs', '7'));
const coldOnce = (name) => {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', name, '--clusters', String(clusters)], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout);
};
// Median of `coldRuns` fresh child processes (one cold parse and construct each).
const cold = (name) => {
  const samples = Array.from({ length: coldRuns }, () => coldOnce(name));
  const mid = (key) => samples.map((s) => s[key]).sort((x, y) => x - y)[samples.length >> 1];
  return { parse: mid('parse'), construct: mid('construct') };
};
const median = (fn) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
};
const ms = (x) => `${x.toFixed(1)}ms`;

const a = parsers.jsyaml().slots();
const b = parsers.fast()?.slots();
const identical = b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
if (!identical) throw new Error('fastScan disagrees with js-yaml on the generated inventory');

const coldJs = cold('jsyaml');
const coldFast = cold('fast');
const warmJs = median(parsers.jsyaml);
const warmFast = median(parsers.fast);
const packedFast = parsers.fast();
const packedJs = parsers.jsyaml();
const warmConstructFast = median(() => construct(packedFast));
const warmConstructJs = median(() => construct(packedJs));

console.log(`yaml-scan clusters=${clusters} bytes=${Buffer.byteLength(text)} events=${packedFast.length}`);
console.log(`  js-yaml parseEvents+pack  cold=${ms(coldJs.parse)} warm=${ms(warmJs)}  construct cold=${ms(coldJs.construct)} warm=${ms(warmConstructJs)}`);
console.log(`  fastScan                  cold=${ms(coldFast.parse)} warm=${ms(warmFast)}  construct cold=${ms(coldFast.construct)} warm=${ms(warmConstructFast)}`);
console.log(`  speed-up cold=${(coldJs.parse / coldFast.parse).toFixed(1)}x warm=${(warmJs / warmFast).toFixed(1)}x`);

const CONF = '/work/shared/pigsty-conf';
const yamlFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) && statSync(p).isFile() ? [p] : [];
  });
let confFiles = [];
try {
  confFiles = yamlFiles(CONF);
} catch {
  console.log(`  pigsty-conf: ${CONF} absent`);
}
if (confFiles.length > 0) {
  const declined = [];
  for (const file of confFiles) {
    const reason = fastScanBailReason(readFileSync(file, 'utf8'), MAX_DEPTH);
    if (reason !== undefined) declined.push(`${file.slice(CONF.length + 1)} (${reason})`);
  }
  console.log(`  pigsty-conf: fastScan accepts ${confFiles.length - declined.length}/${confFiles.length}`);
  for (const d of declined) console.log(`    declined ${d}`);
}
