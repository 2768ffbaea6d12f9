import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { loadInventory } from '../../src/inventory/load.js';
import { InputError } from '../../src/util/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '..', 'fixtures', 'inventory');

describe('split inventories are read the way Ansible reads a directory inventory', () => {
  const provider = new DiskContentProvider(fixtures);

  it('merges group_vars (all, group file, group directory) and host_vars over inline vars', async () => {
    const { loaded, diagnostics } = await loadInventory(provider, 'split');
    expect(loaded?.layout).toBe('split');
    expect(loaded?.origin).toBe(`${fixtures}/split`.split(path.sep).join('/'));
    const doc = loaded?.document;
    expect(doc?.all.vars).toEqual({ admin_ip: '10.10.10.10', region: 'default', node_tune: 'oltp' });
    expect(doc?.all.children?.['pg-test']?.vars).toEqual({
      pg_cluster: 'pg-test',
      pg_version: 17,
      pg_users: [{ name: 'dbuser_app', password: 'Fixture.App.1' }],
      pg_databases: [{ name: 'app', owner: 'dbuser_app' }],
      pg_parameters: { max_connections: 300 },
    });
    expect(doc?.all.children?.['pg-test']?.hosts?.['10.10.10.11']).toEqual({ pg_seq: 1, pg_role: 'primary' });
    // Secrets met in the vars files count as the inventory's (pg_users comes from group_vars/pg-test.yml).
    expect(loaded?.secrets?.has('Fixture.App.1')).toBe(true);
    expect(loaded?.files.map((f) => path.basename(f.path))).toEqual([
      'hosts.yml',
      'all.yml',
      'ghost.yml',
      'pg-test.yml',
      'params.yaml',
      '10.10.10.11.yml',
      '10.10.10.99.yml',
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, path.basename(d.file ?? '')])).toEqual([
      ['INV002', 'warning', 'ghost.yml'],
      ['INV001', 'warning', '10.10.10.99.yml'],
    ]);
    expect(diagnostics[1]?.message).toBe('host_vars for "10.10.10.99", a host no group lists; Ansible ignores it');
  });

  it('locates values in the file that supplies them', async () => {
    const { loaded } = await loadInventory(provider, 'split');
    const at = (p: (string | number)[]): string => {
      const pos = loaded?.locate(p);
      return `${path.relative(fixtures, pos?.file ?? '')}:${pos?.line}:${pos?.column}`;
    };
    expect(at(['all', 'vars', 'region'])).toBe('split/group_vars/all.yml:1:9');
    expect(at(['all', 'vars', 'admin_ip'])).toBe('split/hosts.yml:16:15');
    expect(at(['all', 'children', 'pg-test', 'vars', 'pg_version'])).toBe('split/group_vars/pg-test/params.yaml:1:13');
    expect(at(['all', 'children', 'pg-test', 'vars', 'pg_cluster'])).toBe('split/hosts.yml:13:21');
    expect(at(['all', 'children', 'pg-test', 'vars', 'pg_users', 0, 'password'])).toBe('split/group_vars/pg-test.yml:2:35');
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.11', 'pg_role'])).toBe('split/host_vars/10.10.10.11.yml:2:10');
    expect(at(['all', 'children', 'pg-test', 'hosts', '10.10.10.11', 'pg_seq'])).toBe('split/hosts.yml:10:32');
    // a key that exists nowhere: the nearest ancestor
    expect(at(['all', 'children', 'pg-test', 'vars', 'pg_parameters', 'work_mem'])).toBe('split/group_vars/pg-test/params.yaml:2:1');
  });

  it('reads the main file of a directory, and a file path with group_vars beside it as split', async () => {
    const viaFile = await loadInventory(provider, 'split/hosts.yml');
    expect(viaFile.loaded?.layout).toBe('split');
    expect(viaFile.loaded?.document.all.vars?.['region']).toBe('default');
  });

  it('throws InputError for a missing path or a directory without an inventory', async () => {
    await expect(loadInventory(provider, 'nope/pigsty.yml')).rejects.toBeInstanceOf(InputError);
    await expect(loadInventory(provider, 'split/group_vars')).rejects.toThrow(/no inventory found/);
  });
});
