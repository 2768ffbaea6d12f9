import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInventory } from '../../src/inventory/build.js';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { YamlValue } from '../../src/inventory/model.js';
import { collectSecretStrings } from '../../src/inventory/secrets.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const confDir = path.resolve(repoRoot, '..', 'shared', 'pigsty-conf');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? yamlFiles(p) : name.endsWith('.yml') ? [p] : [];
    })
    .sort();
}

/** Git stores a symlink as a file holding its target path (e.g. app/supa.yml): not an inventory. */
function isSymlinkStub(file: string): boolean {
  const text = readFileSync(file, 'utf8').trim();
  return !text.includes('\n') && /^[\w./-]+\.ya?ml$/.test(text);
}

const confFiles = existsSync(confDir) ? yamlFiles(confDir).filter((f) => !isSymlinkStub(f)).map((f) => path.relative(confDir, f)) : [];
const describeConf = confFiles.length > 0 ? describe : describe.skip;

describeConf('every real Pigsty inventory in ../shared/pigsty-conf', () => {
  const provider = new DiskContentProvider(confDir);
  it.each(confFiles)('%s loads with no diagnostics and builds', async (file) => {
    const { loaded, diagnostics } = await loadInventory(provider, file);
    expect(diagnostics).toEqual([]);
    if (loaded === undefined) throw new Error('not loaded');
    const inv = buildInventory(loaded);
    expect(inv.hosts.size).toBeGreaterThan(0);
    // The secrets met while reading hold every secret a walk of the finished document finds.
    const walked = collectSecretStrings(loaded.document as unknown as YamlValue);
    expect([...walked].filter((s) => !loaded.secrets?.has(s))).toEqual([]);
    for (const cluster of inv.pgClusters.values()) {
      expect(cluster.instances.length).toBeGreaterThan(0);
      for (const i of cluster.instances) expect(typeof i.seq).toBe('number');
    }
  });
});

describe('the sample environments', () => {
  const provider = new DiskContentProvider(path.join(repoRoot, 'environments'));

  it('sandbox is a single-file inventory of four nodes with pg-meta and pg-test', async () => {
    const { loaded, diagnostics } = await loadInventory(provider, 'sandbox');
    expect(diagnostics).toEqual([]);
    if (loaded === undefined) throw new Error('not loaded');
    expect(loaded.layout).toBe('single');
    const inv = buildInventory(loaded);
    expect([...inv.hosts.keys()].sort()).toEqual(['10.10.10.10', '10.10.10.11', '10.10.10.12', '10.10.10.13']);
    expect(inv.pgClusters.get('pg-test')?.instances.map((i) => [i.ip, i.seq, i.role])).toEqual([
      ['10.10.10.11', 1, 'primary'],
      ['10.10.10.12', 2, 'replica'],
      ['10.10.10.13', 3, 'replica'],
    ]);
    expect([...inv.pgClusters.keys()]).toEqual(['pg-meta', 'pg-test']);
    expect(inv.redisClusters.get('redis-test')?.instances.map((i) => i.port)).toEqual([6379, 6380]);
  });

  it('staging is a split inventory whose host_vars give roles and seqs', async () => {
    const { loaded, diagnostics } = await loadInventory(provider, 'staging');
    expect(diagnostics).toEqual([]);
    if (loaded === undefined) throw new Error('not loaded');
    expect(loaded.layout).toBe('split');
    const inv = buildInventory(loaded);
    expect(inv.pgClusters.get('pg-orders')?.instances.map((i) => [i.ip, i.seq, i.role])).toEqual([
      ['10.20.0.21', 1, 'primary'],
      ['10.20.0.22', 2, 'replica'],
      ['10.20.0.23', 3, 'replica'],
    ]);
    expect(inv.pgClusters.get('pg-orders')?.users.map((u) => u.name)).toEqual(['dbuser_orders', 'dbuser_orders_ro']);
    expect(inv.etcdClusters.get('etcd')?.members).toHaveLength(3);
    expect(inv.globalVars['admin_ip']).toBe('10.20.0.10');
  });
});
