/** Every real Pigsty template in ../shared/pigsty-conf validates with zero errors (warnings allowed). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { createValidator } from '../../src/validate/validate.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const confRoot = resolve(repoRoot, '..', 'shared', 'pigsty-conf');

function listYaml(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listYaml(full);
    return name.endsWith('.yml') ? [full] : [];
  });
}

/** Git stores a symlink as a file holding its target; such stubs (e.g. app/supa.yml) are not inventories. */
function isInventory(file: string): boolean {
  return statSync(file).size > 200;
}

const files = existsSync(confRoot) ? listYaml(confRoot).filter(isInventory).map((f) => relative(confRoot, f)).sort() : [];
const describeIfPresent = files.length > 0 ? describe : describe.skip;

describeIfPresent('real Pigsty templates in ../shared/pigsty-conf', () => {
  const validator = createValidator();
  const provider = new DiskContentProvider(confRoot);

  it.each(files)('%s validates with zero errors', async (file) => {
    const result = await validator.validateSource(provider, file);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}:${d.line ?? 0}:${d.column ?? 0} ${d.code} ${d.message}`);
    expect(errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.inventory?.pgClusters.size ?? 0).toBeGreaterThan(-1);
  });

  it('flags the published default passwords the templates ship with as warnings', async () => {
    const result = await validator.validateSource(provider, 'pigsty.yml');
    const sec = result.diagnostics.filter((d) => d.code === 'SEC001');
    expect(sec.length).toBeGreaterThan(0);
    expect(sec.every((d) => d.severity === 'warning')).toBe(true);
    expect(sec.some((d) => d.message.includes('DBUser'))).toBe(false);
  });
});
