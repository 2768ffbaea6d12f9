import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { InventoryDocument } from '../../src/inventory/model.js';
import { readPigstyInventory } from '../../src/cmdb/pigsty-sync.js';
import type { CmdbStore } from '../../src/cmdb/store.js';
import { backends, freshStore } from './backends.js';

const PIGSTY_MIRROR = '/work/.mirror/pgsty+pigsty/repo';

/** Pigsty's own files/cmdb.sql, read in place from the mirror (undefined when the mirror is absent). */
function pigstyCmdbSql(): string | undefined {
  if (!existsSync(PIGSTY_MIRROR)) return undefined;
  try {
    return execFileSync('git', ['-C', PIGSTY_MIRROR, 'show', 'HEAD:files/cmdb.sql'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  } catch {
    return undefined;
  }
}

const applied: InventoryDocument = {
  all: {
    vars: { admin_ip: '10.10.10.10', pg_version: 17, node_tune: 'oltp', pg_admin_password: 'DBUser.DBA' },
    children: {
      infra: { hosts: { '10.10.10.10': { infra_seq: 1 } }, vars: { version: 'v1' } },
      'pg-meta': {
        hosts: { '10.10.10.10': { pg_seq: 1, pg_role: 'primary' }, '10.10.10.11': { pg_seq: 2, pg_role: 'replica' } },
        vars: { pg_cluster: 'pg-meta', node_tune: 'tiny', pg_users: [{ name: 'dbuser_meta', password: 'x', roles: ['dbrole_admin'] }] },
      },
      etcd: { hosts: { '10.10.10.10': null }, vars: { etcd_cluster: 'etcd' } },
    },
  },
};

const globalVars = { admin_ip: '10.10.10.10', pg_version: 17, node_tune: 'oltp', pg_admin_password: 'DBUser.DBA' };
const metaVars = { pg_cluster: 'pg-meta', node_tune: 'tiny', pg_users: [{ name: 'dbuser_meta', password: 'x', roles: ['dbrole_admin'] }] };
const expectedHostvars = {
  // all.vars, then each group's vars and the host's vars, groups in name order (etcd, infra, pg-meta).
  '10.10.10.10': { ...globalVars, etcd_cluster: 'etcd', version: 'v1', infra_seq: 1, ...metaVars, pg_seq: 1, pg_role: 'primary' },
  '10.10.10.11': { ...globalVars, ...metaVars, pg_seq: 2, pg_role: 'replica' },
};

async function applyWithSync(store: CmdbStore, environment: string, revision: string, document: InventoryDocument): Promise<string> {
  const runId = await store.createRun({ environment, revision, baseRevision: undefined, trigger: 'push', actor: undefined, pullRequest: undefined });
  await store.startRun(runId);
  await store.recordApplied({ environment, runId, revision, document, planHash: 'h', pigstyCmdbSync: true, finishedAt: new Date() });
  return runId;
}

const schemas = [
  { schema: 'minimal tables created when absent', sql: (): string | undefined => '' },
  { schema: "Pigsty's files/cmdb.sql", sql: pigstyCmdbSql },
];

describe.each(backends)('Pigsty CMDB sync on $name', (backend) => {
  describe.each(schemas)('with $schema', ({ schema, sql }) => {
    const text = sql();
    const run = text === undefined ? it.skip : it;

    run('loads the applied inventory so that pigsty.inventory returns it, replacing what was there', async () => {
      const { store, done } = await freshStore(backend, 'sync');
      try {
        if (text !== '' && text !== undefined) await store.db.execScript(text);
        await applyWithSync(store, 'prod', 'a'.repeat(40), applied);

        const inventory = await readPigstyInventory(store.db);
        const children = (inventory?.all as { children: string[] }).children;
        const groups = schema.startsWith('Pigsty') ? ['meta', 'etcd', 'infra', 'pg-meta'] : ['etcd', 'infra', 'pg-meta'];
        expect([...children].sort()).toEqual([...groups].sort());
        expect(inventory?.['pg-meta']).toEqual({ hosts: ['10.10.10.10', '10.10.10.11'] });
        expect(inventory?.etcd).toEqual({ hosts: ['10.10.10.10'] });
        expect((inventory?._meta as { hostvars: unknown }).hostvars).toEqual(expectedHostvars);

        const groupVars = await store.db.query<{ cls: string; key: string; value: unknown }>(
          'SELECT cls, key, value FROM pigsty.group_var ORDER BY cls, key');
        expect(groupVars).toEqual([
          { cls: 'etcd', key: 'etcd_cluster', value: 'etcd' },
          { cls: 'infra', key: 'version', value: 'v1' },
          { cls: 'pg-meta', key: 'node_tune', value: 'tiny' },
          { cls: 'pg-meta', key: 'pg_cluster', value: 'pg-meta' },
          { cls: 'pg-meta', key: 'pg_users', value: metaVars.pg_users },
        ]);

        // A later apply replaces the whole content, as bin/inventory_load does.
        await applyWithSync(store, 'prod', 'b'.repeat(40), { all: { vars: { admin_ip: '10.10.10.20' }, children: { infra: { hosts: { '10.10.10.20': {} } } } } });
        const hosts = await store.db.query<{ cls: string; ip: string }>('SELECT cls, host(ip) AS ip FROM pigsty.host ORDER BY cls, ip');
        expect(hosts).toEqual([{ cls: 'infra', ip: '10.10.10.20' }]);
        expect(await store.db.query('SELECT key, value FROM pigsty.global_var')).toEqual([{ key: 'admin_ip', value: '10.10.10.20' }]);
        expect(await store.db.query('SELECT * FROM pigsty.group_var')).toEqual([]);
      } finally {
        await done();
      }
    });
  });

  it('rolls the applied state back with the sync when the sync fails', async () => {
    const { store, done } = await freshStore(backend, 'syncfail');
    try {
      await applyWithSync(store, 'prod', 'a'.repeat(40), applied);
      const runId = await store.createRun({ environment: 'prod', revision: 'c'.repeat(40), baseRevision: undefined, trigger: 'push', actor: undefined, pullRequest: undefined });
      await store.startRun(runId);
      const bad: InventoryDocument = { all: { children: { pg: { hosts: { 'not-an-ip': {} } } } } };
      await expect(store.recordApplied({ environment: 'prod', runId, revision: 'c'.repeat(40), document: bad, planHash: 'h', pigstyCmdbSync: true, finishedAt: new Date() })).rejects.toThrow();
      expect((await store.appliedState('prod'))?.revision).toBe('a'.repeat(40));
      expect((await store.getRun(runId))?.status).toBe('running');
      expect(await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pigsty.host')).toEqual([{ n: 4 }]);
    } finally {
      await done();
    }
  });
});
