// Writes V8's code cache for the CLI bundle (dist/bundle/cli.cjs.cache) after a training run in
// this process: validate and plan (every format) between two generated 200-cluster inventories,
// so the cache holds the bytecode of what those commands run. Output of the training run is
// discarded; nothing outside a temp dir is read or written but the cache file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE, loadBundle } from '../bin/load-bundle.js';
import { generateInventory } from '../bench/generate-inventory.mjs';

export async function writeCodeCache(bundle = BUNDLE) {
  const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-code-cache-'));
  try {
    const base = join(dir, 'base.yml');
    const target = join(dir, 'target.yml');
    writeFileSync(base, generateInventory({ clusters: 200 }));
    writeFileSync(target, generateInventory({ clusters: 200, mutate: 20 }));
    const { exports, script } = loadBundle({ useCache: false, bundle });
    const io = { stdout: () => {}, stderr: () => {}, isTty: false, cwd: dir, env: {} };
    const runs = [
      ['validate', target],
      ...['json', 'text', 'markdown'].map((format) => ['plan', '--format', format, '--base', base, target]),
    ];
    for (const argv of runs) {
      const code = await exports.main(argv, io);
      if (code !== 0) throw new Error(`code-cache training: pigsty-gitops ${argv.join(' ')} exited ${code}`);
    }
    writeFileSync(`${bundle}.cache`, script.createCachedData());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
