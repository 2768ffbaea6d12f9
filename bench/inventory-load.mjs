// Load + build time of a generated inventory, in process (needs `npm run build`).
//   node bench/inventory-load.mjs [--clusters 1000]
import { generateInventory } from './generate-inventory.mjs';
import { loadInventoryText } from '../dist/inventory/load.js';
import { buildInventory } from '../dist/inventory/build.js';

const i = process.argv.indexOf('--clusters');
const clusters = i > 0 ? Number(process.argv[i + 1]) : 1000;
const text = generateInventory({ clusters, seed: 1 });
const t0 = performance.now();
const { loaded, diagnostics } = loadInventoryText(text, 'generated.yml');
const t1 = performance.now();
if (loaded === undefined || diagnostics.length > 0) throw new Error(`generated inventory did not load: ${JSON.stringify(diagnostics[0])}`);
const inventory = buildInventory(loaded);
const t2 = performance.now();
loaded.locate(['all', 'children', inventory.pgClusters.keys().next().value, 'vars', 'pg_users', 0, 'password']);
const t3 = performance.now();
const ms = (a, b) => (b - a).toFixed(1);
console.log(
  `inventory-load clusters=${clusters} bytes=${Buffer.byteLength(text)} load=${ms(t0, t1)}ms build=${ms(t1, t2)}ms ` +
    `load+build=${ms(t0, t2)}ms first-locate=${ms(t2, t3)}ms heap=${(process.memoryUsage().heapUsed / 1e6).toFixed(0)}MB`,
);
