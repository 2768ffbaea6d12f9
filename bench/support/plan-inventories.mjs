import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateInventory } from '../generate-inventory.mjs';

/** Writes the plan benchmarks' pair into `dir`: `base.yml` with `clusters` clusters, `target.yml` the same with `mutate` changes. */
export function writePlanInventories(dir, clusters, mutate) {
  const base = join(dir, 'base.yml');
  const target = join(dir, 'target.yml');
  writeFileSync(base, generateInventory({ clusters }));
  writeFileSync(target, generateInventory({ clusters, mutate }));
  return { base, target };
}
