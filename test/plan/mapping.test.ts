import { argvs, baseText, edit, planTexts, risks } from './plan-fixture.js';

const NEW_CLUSTER = `    pg-new:
      hosts:
        10.10.10.21: { pg_seq: 1, pg_role: primary }
        10.10.10.22: { pg_seq: 2, pg_role: replica }
      vars:
        pg_cluster: pg-new
        pg_users: [ { name: dbuser_new, password: New.Secret.7 } ]
        pg_databases: [ { name: newdb, owner: dbuser_new } ]
    redis-ms:
`;


describe('change → Pigsty command mapping', () => {
  it('adds the nodes of a new cluster by name, then creates the cluster', () => {
    const plan = planTexts(baseText, edit(baseText, '    redis-ms:\n', NEW_CLUSTER));
    expect(argvs(plan)).toEqual(['bin/node-add pg-new', 'bin/pgsql-add pg-new']);
    expect(risks(plan)).toEqual(['safe', 'safe']);
    expect(plan.actions[1]?.changes).toEqual(['pg.cluster:pg-new:add']);
  });

  it('adds a new instance: node-add by IP, then pgsql-add <cls> <ip>', () => {
    const plan = planTexts(baseText, edit(baseText, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n        10.10.10.14: { pg_seq: 4, pg_role: replica }\n'));
    expect(argvs(plan)).toEqual(['bin/node-add 10.10.10.14', 'bin/pgsql-add pg-test 10.10.10.14']);
  });

  it('removes an instance destructively against the base inventory, node last', () => {
    const plan = planTexts(baseText, edit(baseText, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', ''));
    // bin/pgsql-rm tells to refresh the remaining members' services with the updated inventory.
    expect(argvs(plan)).toEqual(['bin/pgsql-rm pg-test 10.10.10.13', 'bin/pgsql-svc pg-test', 'bin/node-rm 10.10.10.13']);
    expect(risks(plan)).toEqual(['destructive@base', 'safe', 'destructive@base']);
    expect(plan.notes[0]).toMatch(/^2 destructive action\(s\) \(a01, a03\).*explicit opt-in/);
  });

  it('removes a whole cluster: pgsql-rm <cls> then node-rm <cls>', () => {
    const start = baseText.indexOf('    pg-test:\n');
    const end = baseText.indexOf('    redis-ms:\n');
    const plan = planTexts(baseText, baseText.slice(0, start) + baseText.slice(end));
    expect(argvs(plan)).toEqual(['bin/pgsql-rm pg-test', 'bin/node-rm pg-test']);
    expect(risks(plan)).toEqual(['destructive@base', 'destructive@base']);
  });

  it('rotates a password with pgsql-user and says only "password changed"', () => {
    const plan = planTexts(baseText, edit(baseText, 'password: App.Secret.2', 'password: App.Rotated.8'));
    expect(argvs(plan)).toEqual(['bin/pgsql-user pg-test dbuser_app']);
    expect(risks(plan)).toEqual(['safe']);
    expect(plan.changes.map((c) => c.summary)).toEqual(['user dbuser_app: password changed']);
    expect(plan.changes[0]?.fields).toEqual([{ field: 'password', op: 'modify', secret: true }]);
    expect(plan.changes[0]?.base).toEqual({ file: 'base/pigsty.yml', line: 34, column: 13 });
    expect(plan.changes[0]?.target).toEqual({ file: 'target/pigsty.yml', line: 34, column: 13 });
  });

  it('drops a user declared state: absent, destructively and after other work', () => {
    const plan = planTexts(baseText, edit(edit(baseText, 'comment: read-only user }', 'comment: read-only user, state: absent }'), 'pg_version: 17', 'pg_version: 17'));
    expect(argvs(plan)).toEqual(['bin/pgsql-user pg-test dbuser_view']);
    expect(risks(plan)).toEqual(['destructive']);
  });

  it('creates the owner before the database', () => {
    const target = edit(
      edit(baseText, "          - { name: app, owner: dbuser_app, comment: application database }\n", "          - { name: app, owner: dbuser_app, comment: application database }\n          - { name: reports, owner: dbuser_report }\n"),
      "          - { name: dbuser_view,", "          - { name: dbuser_report, password: Report.Secret.9 }\n          - { name: dbuser_view,",
    );
    const plan = planTexts(baseText, target);
    expect(argvs(plan)).toEqual(['bin/pgsql-user pg-test dbuser_report', 'bin/pgsql-db pg-test reports']);
  });

  it('marks databases declared absent or recreate as destructive; a dropped database after dropped users’ dependants', () => {
    const absent = planTexts(baseText, edit(baseText, 'comment: application database }', 'comment: application database, state: absent }'));
    expect(argvs(absent)).toEqual(['bin/pgsql-db pg-test app']);
    expect(risks(absent)).toEqual(['destructive']);
    const recreate = planTexts(baseText, edit(baseText, 'comment: application database }', 'comment: application database, state: recreate }'));
    expect(risks(recreate)).toEqual(['destructive']);
  });

  it('runs no command for a user or database deleted from the list, and says so', () => {
    const plan = planTexts(baseText, edit(edit(baseText, "          - { name: dbuser_view, password: View.Secret.3, pgbouncer: true, roles: [dbrole_readonly], comment: read-only user }\n", ''), "        pg_databases:\n          - { name: meta, owner: dbuser_meta, comment: pigsty meta database }\n", '        pg_databases: []\n'));
    expect(plan.actions).toEqual([]);
    expect(plan.changes.map((c) => c.id)).toEqual(['pg.database:pg-meta/meta:remove', 'pg.user:pg-test/dbuser_view:remove']);
    expect(plan.notes).toEqual([
      'database meta removed from pg_databases: Pigsty leaves database meta in place on pg-meta; to drop it, keep the entry with `state: absent`.',
      'user dbuser_view removed from pg_users: Pigsty leaves user dbuser_view in place on pg-test; to drop it, keep the entry with `state: absent`.',
    ]);
  });

  it('refreshes HBA rules and services with their bin scripts', () => {
    const hba = planTexts(baseText, edit(baseText, 'auth: pwd, title: app access }', 'auth: ssl, title: app access }'));
    expect(argvs(hba)).toEqual(['bin/pgsql-hba pg-test']);
    const svc = planTexts(baseText, edit(baseText, 'maxconn: 3000 }', 'maxconn: 5000 }'));
    expect(argvs(svc)).toEqual(['bin/pgsql-svc pg-test']);
    expect(svc.changes[0]?.fields).toEqual([{ field: 'maxconn', op: 'modify', before: '3000', after: '5000' }]);
  });

  it('maps parameters, crontab, VIP and extensions to their documented tags', () => {
    const params = planTexts(baseText, edit(baseText, 'log_min_duration_statement: 1000', 'log_min_duration_statement: 500'));
    expect(argvs(params)).toEqual(['./pgsql.yml -l pg-test -t pg_param,pg_reload']);
    expect(risks(params)).toEqual(['disruptive']);
    const cron = planTexts(baseText, edit(baseText, "'00 01 * * * /pg/bin/pg-backup full'", "'00 02 * * * /pg/bin/pg-backup full'"));
    expect(argvs(cron)).toEqual(['./pgsql.yml -l pg-test -t pg_crontab']);
    expect(risks(cron)).toEqual(['safe']);
    const vip = planTexts(baseText, edit(baseText, 'pg_vip_address: 10.10.10.3/24', 'pg_vip_address: 10.10.10.4/24'));
    expect(argvs(vip)).toEqual(['./pgsql.yml -l pg-test -t pg_vip']);
    expect(risks(vip)).toEqual(['disruptive']);
    const ext = planTexts(baseText, edit(baseText, '        pg_vip_enabled: true\n', '        pg_vip_enabled: true\n        pg_extensions: [ postgis ]\n'));
    expect(argvs(ext)).toEqual(['bin/pgsql-ext pg-test']);
  });

  it('maps redis clusters and instances to redis-add / redis-rm', () => {
    const addPort = planTexts(baseText, edit(baseText, "6380: { replica_of: '10.10.10.10 6379' } }", "6380: { replica_of: '10.10.10.10 6379' }, 6381: {} }"));
    expect(argvs(addPort)).toEqual(['bin/redis-add 10.10.10.10 6381']);
    const rmPort = planTexts(baseText, edit(baseText, "6379: {}, 6380: { replica_of: '10.10.10.10 6379' } }", '6379: {} }'));
    expect(argvs(rmPort)).toEqual(['bin/redis-rm 10.10.10.10 6380']);
    expect(risks(rmPort)).toEqual(['destructive@base']);
    const start = baseText.indexOf('    redis-ms:\n');
    const end = baseText.indexOf('  vars:\n    version');
    const rmCluster = planTexts(baseText, baseText.slice(0, start) + baseText.slice(end));
    expect(argvs(rmCluster)).toEqual(['bin/redis-rm redis-ms']);
  });

  it('maps etcd members to etcd-add / etcd-rm and infra members to infra.yml', () => {
    const add = planTexts(baseText, edit(baseText, '        10.10.10.10: { etcd_seq: 1 }\n', '        10.10.10.10: { etcd_seq: 1 }\n        10.10.10.11: { etcd_seq: 2 }\n'));
    expect(argvs(add)).toEqual(['bin/etcd-add 10.10.10.11']);
    expect(risks(add)).toEqual(['disruptive+review']);
    const twoMembers = edit(baseText, '        10.10.10.10: { etcd_seq: 1 }\n', '        10.10.10.10: { etcd_seq: 1 }\n        10.10.10.11: { etcd_seq: 2 }\n');
    expect(argvs(planTexts(twoMembers, baseText))).toEqual(['bin/etcd-rm 10.10.10.11']);
    const infra = planTexts(baseText, edit(baseText, '        10.10.10.10: { infra_seq: 1 }\n', '        10.10.10.10: { infra_seq: 1 }\n        10.10.10.11: { infra_seq: 2 }\n'));
    expect(argvs(infra)).toEqual(['./infra.yml -l 10.10.10.11']);
  });

  it('fans a global HBA change out to every existing cluster, and flags unknown globals for review', () => {
    const hba = planTexts(baseText, edit(baseText, '    pg_version: 17\n', '    pg_version: 17\n    pg_default_hba_rules: [ { user: all, db: all, addr: intra, auth: pwd, title: intra } ]\n'));
    expect(argvs(hba)).toEqual(['bin/pgsql-hba pg-meta', 'bin/pgsql-hba pg-test']);
    const region = planTexts(baseText, edit(baseText, 'region: default', 'region: china'));
    expect(argvs(region)).toEqual(['./deploy.yml -l all']);
    expect(risks(region)).toEqual(['destructive+review']);
    expect(region.actions[0]?.reason).toMatch(/the full \.\/pgsql\.yml included, which Pigsty runs for initial bootstrap only .* review by hand$/);
    const tune = planTexts(baseText, edit(baseText, 'node_tune: oltp', 'node_tune: olap'));
    expect(argvs(tune)).toEqual(['./node.yml -l all -t node_tune']);
    expect(risks(tune)).toEqual(['safe']);
    // A node setting without a narrow tag still gets the whole node.yml, flagged for review.
    const unknownNode = planTexts(baseText, edit(baseText, 'node_tune: oltp', 'node_tune: oltp\n    node_selinux_mode: permissive'));
    expect(argvs(unknownNode)).toEqual(['./node.yml -l all']);
    expect(risks(unknownNode)).toEqual(['disruptive+review']);
  });

  it('never offers a whole ./pgsql.yml on a running cluster as less than destructive (Pigsty: bootstrap only)', () => {
    const plan = planTexts(baseText, edit(baseText, '        pg_cluster: pg-test\n', '        pg_cluster: pg-test\n        pg_checksum: true\n'));
    expect(argvs(plan)).toEqual(['./pgsql.yml -l pg-test']);
    expect(risks(plan)).toEqual(['destructive+review']);
    expect(plan.actions[0]?.reason).toBe('pg_checksum changed: no narrow Pigsty command is known, so the whole ./pgsql.yml runs on pg-test; Pigsty runs it for initial bootstrap only: on running instances it restarts Patroni and PostgreSQL and re-applies bootstrap SQL (databases declared recreate are dropped) — review by hand');
    expect(plan.notes.some((n) => n.includes('explicit opt-in'))).toBe(true);
  });

  it('orders a mixed change set: nodes, clusters, users, databases, config, then removals in reverse', () => {
    let target = edit(baseText, '    redis-ms:\n', NEW_CLUSTER);
    target = edit(target, 'password: App.Secret.2', 'password: App.Rotated.8');
    target = edit(target, 'auth: pwd, title: app access }', 'auth: ssl, title: app access }');
    target = edit(target, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', '');
    target = edit(target, "          - { name: meta, owner: dbuser_meta, comment: pigsty meta database }\n", "          - { name: meta, owner: dbuser_meta, comment: pigsty meta database }\n          - { name: meta2, owner: dbuser_meta }\n");
    target = edit(target, 'comment: read-only user }', 'comment: read-only user, state: absent }');
    const plan = planTexts(baseText, target);
    expect(argvs(plan)).toEqual([
      'bin/node-add pg-new',
      'bin/pgsql-add pg-new',
      'bin/pgsql-user pg-test dbuser_app',
      'bin/pgsql-db pg-meta meta2',
      'bin/pgsql-hba pg-test',
      'bin/pgsql-user pg-test dbuser_view',
      'bin/pgsql-rm pg-test 10.10.10.13',
      'bin/pgsql-svc pg-test',
      'bin/node-rm 10.10.10.13',
    ]);
    expect(plan.actions.map((a) => a.id)).toEqual(['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09']);
    expect(planTexts(baseText, target)).toEqual(plan);
  });

  it('plans everything from an empty base', () => {
    const plan = planTexts(undefined, baseText);
    // Pigsty's deploy.yml order: infra first (infra.yml initialises the infra node 10.10.10.10 itself,
    // so it gets no bin/node-add), then the other nodes, etcd, MinIO, Postgres, redis.
    expect(argvs(plan)).toEqual(['./infra.yml -l infra', 'bin/node-add pg-test', 'bin/etcd-add', './minio.yml -l minio', 'bin/pgsql-add pg-meta', 'bin/pgsql-add pg-test', 'bin/redis-add redis-ms']);
    expect(plan.notes).toContain('node 10.10.10.10 added (infra, etcd, minio, pg-meta, redis-ms): an infra node: infra.yml initialises it (no bin/node-add)');
  });

  it('says once per module, for a first deployment, why the added global vars need no command of their own', () => {
    const plan = planTexts(undefined, baseText);
    const varNotes = plan.notes.filter((n) => n.includes('no existing'));
    const explanations = varNotes.map((n) => n.slice(n.lastIndexOf(': ') + 2));
    expect(new Set(explanations).size).toBe(explanations.length);
    const nodeNote = varNotes.find((n) => n.includes('no existing node deployment'));
    expect(nodeNote).toContain('admin_ip added');
    const uncovered = plan.changes.filter((c) => !plan.actions.some((a) => a.changes.includes(c.id)));
    for (const change of uncovered) expect(plan.notes.some((n) => n.includes(change.summary))).toBe(true);
  });
});

