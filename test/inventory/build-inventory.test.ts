import { buildInventory } from '../../src/inventory/build.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import type { Inventory } from '../../src/inventory/model.js';

function build(text: string): Inventory {
  const { loaded, diagnostics } = loadInventoryText(text, 'inv.yml');
  expect(diagnostics).toEqual([]);
  if (loaded === undefined) throw new Error('not loaded');
  return buildInventory(loaded);
}

const SAMPLE = `
all:
  children:
    infra: { hosts: { 10.0.0.1: { infra_seq: 1 } }, vars: { x: infra } }
    etcd:
      hosts: { 10.0.0.1: { etcd_seq: 1 }, 10.0.0.2: { etcd_seq: two } }
      vars: { etcd_cluster: etcd }
    minio: { hosts: { 10.0.0.1: { minio_seq: 1 } }, vars: { minio_cluster: minio } }
    pg-test:
      hosts:
        10.0.0.2: { pg_seq: 1, pg_role: primary, x: host }
        10.0.0.3: { pg_seq: 2, pg_role: replica, pg_upstream: 10.0.0.2 }
      vars:
        pg_cluster: pg-test
        x: pg-test
        pg_users:
          - { name: dbuser_app, password: Secret.1, roles: [dbrole_readwrite] }
          - not-a-mapping
          - { name: dbuser_old, state: absent }
        pg_databases: [{ name: app, owner: dbuser_app }]
        pg_services: [{ name: standby, port: 5435 }]
        pg_hba_rules: [{ user: all, db: all, addr: intra, auth: pwd }]
        pgb_hba_rules: [{ user: all, db: all, addr: world, auth: ssl }]
        pg_vip_enabled: true
        pg_vip_address: 10.0.0.9/24
    redis-ms:
      hosts: { 10.0.0.4: { redis_node: 1, redis_instances: { 6379: {}, 6380: { replica_of: '10.0.0.4 6379' } } } }
      vars: { redis_cluster: redis-ms, redis_mode: standalone }
  vars:
    admin_ip: 10.0.0.1
    x: global
    pg_vip_interface: eth1
`;

describe('buildInventory', () => {
  it('resolves effective vars with Ansible precedence: all.vars < groups by depth then name < host vars', () => {
    const inv = build(SAMPLE);
    // 10.0.0.1 is in infra, etcd, minio: same depth, so by name the last is minio (which does not set x) → infra wins
    expect(inv.hosts.get('10.0.0.1')?.effective['x']).toBe('infra');
    expect(inv.hosts.get('10.0.0.2')?.effective['x']).toBe('host');
    expect(inv.hosts.get('10.0.0.3')?.effective['x']).toBe('pg-test');
    expect(inv.hosts.get('10.0.0.4')?.effective['x']).toBe('global');
    expect(inv.hosts.get('10.0.0.2')?.groups).toEqual(['etcd', 'pg-test']);
    expect(inv.hosts.get('10.0.0.2')?.vars).toEqual({ etcd_seq: 'two', pg_seq: 1, pg_role: 'primary', x: 'host' });
    expect([...inv.groups.keys()]).toEqual(['infra', 'etcd', 'minio', 'pg-test', 'redis-ms']);
  });

  it('lets the later group by name win when two groups of the same depth set a var', () => {
    const inv = build('all:\n  children:\n    b: { hosts: { 1.1.1.1: }, vars: { v: b } }\n    a: { hosts: { 1.1.1.1: }, vars: { v: a } }\n');
    expect(inv.hosts.get('1.1.1.1')?.effective['v']).toBe('b');
  });

  it('puts nested child groups after their parents', () => {
    const inv = build('all:\n  children:\n    zparent:\n      vars: { v: parent }\n      children:\n        achild: { hosts: { 1.1.1.1: }, vars: { v: child } }\n');
    expect(inv.hosts.get('1.1.1.1')?.effective['v']).toBe('child');
    expect(inv.groups.get('zparent')?.children).toEqual(['achild']);
  });

  it('builds Postgres clusters with instances, users, databases, services, hba rules and vip', () => {
    const pg = build(SAMPLE).pgClusters.get('pg-test');
    expect(pg?.group).toBe('pg-test');
    expect(pg?.instances.map((i) => [i.ip, i.seq, i.role, i.upstream])).toEqual([
      ['10.0.0.2', 1, 'primary', undefined],
      ['10.0.0.3', 2, 'replica', '10.0.0.2'],
    ]);
    expect(pg?.instances[1]?.path).toEqual(['all', 'children', 'pg-test', 'hosts', '10.0.0.3']);
    expect(pg?.users.map((u) => [u.name, u.state, u.index])).toEqual([
      ['dbuser_app', undefined, 0],
      ['dbuser_old', 'absent', 2],
    ]);
    expect(pg?.users[1]?.path).toEqual(['all', 'children', 'pg-test', 'vars', 'pg_users', 2]);
    expect(pg?.databases.map((d) => [d.name, d.owner])).toEqual([['app', 'dbuser_app']]);
    expect(pg?.services.map((s) => [s.name, s.port])).toEqual([['standby', 5435]]);
    expect(pg?.hbaRules.map((h) => [h.kind, h.index, h.spec['addr']])).toEqual([
      ['pg', 0, 'intra'],
      ['pgb', 0, 'world'],
    ]);
    expect(pg?.vip).toEqual({ enabled: true, address: '10.0.0.9/24', interface: 'eth1' });
  });

  it('builds redis, etcd, minio and infra members; a non-integer seq is undefined', () => {
    const inv = build(SAMPLE);
    const redis = inv.redisClusters.get('redis-ms');
    expect(redis?.mode).toBe('standalone');
    expect(redis?.nodes.map((n) => [n.ip, n.seq])).toEqual([['10.0.0.4', 1]]);
    expect(redis?.instances.map((i) => [i.ip, i.port, i.spec])).toEqual([
      ['10.0.0.4', 6379, {}],
      ['10.0.0.4', 6380, { replica_of: '10.0.0.4 6379' }],
    ]);
    expect(inv.etcdClusters.get('etcd')?.members.map((m) => [m.ip, m.seq])).toEqual([
      ['10.0.0.1', 1],
      ['10.0.0.2', undefined],
    ]);
    expect(inv.minioClusters.get('minio')?.members.map((m) => m.ip)).toEqual(['10.0.0.1']);
    expect(inv.infraGroups.get('infra')?.members.map((m) => [m.ip, m.seq])).toEqual([['10.0.0.1', 1]]);
  });

  it('finds a cluster whose pg_cluster is set on the host, and never throws on odd shapes', () => {
    const inv = build('all:\n  children:\n    el9: { hosts: { 10.0.0.9: { pg_cluster: el9, pg_seq: 1, pg_role: primary } } }\n    odd: [1, 2]\n    pg-x: { vars: { pg_cluster: pg-x, pg_users: oops, pg_vip_enabled: yes } }\n');
    expect(inv.pgClusters.get('el9')?.instances.map((i) => i.ip)).toEqual(['10.0.0.9']);
    expect(inv.pgClusters.get('pg-x')?.users).toEqual([]);
    expect(inv.pgClusters.get('pg-x')?.vip).toEqual({ enabled: true, address: undefined, interface: undefined });
    expect(inv.groups.get('odd')?.hosts).toEqual([]);
  });

  it('splits a Citus-style group whose hosts set different pg_cluster values into one cluster each', () => {
    const inv = build(`all:
  children:
    pg-citus:
      hosts:
        10.0.0.21: { pg_cluster: pg-citus1, pg_seq: 1, pg_role: primary, pg_vip_address: 10.0.0.29/24 }
        10.0.0.22: { pg_cluster: pg-citus1, pg_seq: 2, pg_role: replica, pg_vip_address: 10.0.0.29/24 }
        10.0.0.31: { pg_cluster: pg-citus2, pg_seq: 1, pg_role: primary, pg_vip_address: 10.0.0.39/24 }
      vars:
        pg_mode: citus
        pg_vip_enabled: true
        pg_users: [{ name: dbuser_citus }]
`);
    expect([...inv.pgClusters.keys()]).toEqual(['pg-citus1', 'pg-citus2']);
    expect(inv.pgClusters.get('pg-citus1')?.instances.map((i) => [i.ip, i.role])).toEqual([
      ['10.0.0.21', 'primary'],
      ['10.0.0.22', 'replica'],
    ]);
    expect(inv.pgClusters.get('pg-citus2')?.instances.map((i) => i.ip)).toEqual(['10.0.0.31']);
    expect(inv.pgClusters.get('pg-citus2')?.vip).toEqual({ enabled: true, address: '10.0.0.39/24', interface: undefined });
    expect(inv.pgClusters.get('pg-citus2')?.users.map((u) => u.name)).toEqual(['dbuser_citus']);
    expect(inv.pgClusters.get('pg-citus2')?.group).toBe('pg-citus');
  });
});
