import { mergeReasons } from '../../src/plan/order.js';
import { argvs, baseText, edit, planTexts, risks } from './plan-fixture.js';

// Mappings that follow what Pigsty's playbooks really do (roles/*/tasks/*.yml, bin/*), not the
// parameter names alone.

describe('settings the install playbooks skip when they are off or empty', () => {
  it('disabling the VIP stops vip-manager with pgsql-rm.yml (vip.yml only runs while pg_vip_enabled)', () => {
    const plan = planTexts(baseText, edit(baseText, 'pg_vip_enabled: true', 'pg_vip_enabled: false'));
    expect(argvs(plan)).toEqual(['./pgsql-rm.yml -l pg-test -t vip']);
    expect(risks(plan)).toEqual(['disruptive']);
    expect(plan.actions[0]?.inventory).toBe('target');
  });

  it('moving the VIP address keeps the pg_vip tag', () => {
    expect(argvs(planTexts(baseText, edit(baseText, 'pg_vip_address: 10.10.10.3/24', 'pg_vip_address: 10.10.10.4/24')))).toEqual(['./pgsql.yml -l pg-test -t pg_vip']);
  });

  it('an emptied pg_crontab removes the dbsu crontab (crontab.yml skips an empty list)', () => {
    const plan = planTexts(baseText, edit(baseText, "        pg_crontab:\n          - '00 01 * * * /pg/bin/pg-backup full'\n", '        pg_crontab: []\n'));
    expect(argvs(plan)).toEqual(['./pgsql-rm.yml -l pg-test -t pg_crontab']);
  });

  it('a cluster pg_crontab removed while a global one still applies rewrites it as usual', () => {
    const withGlobal = edit(baseText, '    pg_version: 17\n', "    pg_version: 17\n    pg_crontab: [ '00 03 * * * /pg/bin/pg-backup' ]\n");
    const plan = planTexts(withGlobal, edit(withGlobal, "        pg_crontab:\n          - '00 01 * * * /pg/bin/pg-backup full'\n", ''));
    expect(argvs(plan)).toEqual(['./pgsql.yml -l pg-test -t pg_crontab']);
  });

  it('node_crontab without overwrite only appends: flagged for review', () => {
    const append = edit(baseText, '    node_tune: oltp\n', "    node_tune: oltp\n    node_crontab_overwrite: false\n    node_crontab: [ '00 01 * * * root /bin/true' ]\n");
    const plan = planTexts(append, edit(append, '/bin/true', '/bin/false'));
    expect(argvs(plan)).toEqual(['./node.yml -l all -t node_crontab']);
    expect(risks(plan)).toEqual(['safe+review']);
    expect(plan.actions[0]?.reason).toMatch(/removed or changed ones stay there/);
  });
});

describe('default roles, system passwords and role changes', () => {
  it('default roles and system passwords run pg_init (pg-init-roles.sql), not pg_user', () => {
    const admin = planTexts(baseText, edit(baseText, 'pg_admin_password: Admin.Secret.5', 'pg_admin_password: Admin.Rotated.9'));
    expect(argvs(admin)).toEqual(['./pgsql.yml -l pg-meta -t pg_init,pg_pass', './pgsql.yml -l pg-test -t pg_init,pg_pass']);
    expect(risks(admin)).toEqual(['safe+review', 'safe+review']);
    const monitor = planTexts(baseText, edit(baseText, '    pg_version: 17\n', '    pg_version: 17\n    pg_monitor_password: Monitor.Secret.8\n'));
    expect(argvs(monitor)).toEqual(['./pgsql.yml -l pg-meta -t pg_init,pg_pass,pg_exporter', './pgsql.yml -l pg-test -t pg_init,pg_pass,pg_exporter']);
    const replication = planTexts(baseText, edit(baseText, '        pg_cluster: pg-test\n', '        pg_cluster: pg-test\n        pg_replication_password: Repl.Secret.8\n'));
    expect(argvs(replication)).toEqual(['./pgsql.yml -l pg-test -t pg_init,pg_pass,pg_conf,patroni_reload']);
    expect(risks(replication)).toEqual(['disruptive+review']);
  });

  it('a role change refreshes services and HBA rules after the switchover', () => {
    const plan = planTexts(baseText, edit(edit(baseText, '10.10.10.11: { pg_seq: 1, pg_role: primary }', '10.10.10.11: { pg_seq: 1, pg_role: replica }'), '10.10.10.12: { pg_seq: 2, pg_role: replica }', '10.10.10.12: { pg_seq: 2, pg_role: primary }'));
    expect(argvs(plan)).toEqual(['bin/pgsql-hba pg-test', 'bin/pgsql-svc pg-test']);
    expect(risks(plan)).toEqual(['disruptive+review', 'disruptive+review']);
  });
});

describe('redis nodes, etcd group names', () => {
  it('a redis node that gains its first instances is added whole (bin/redis-add <ip>); one that keeps others by port', () => {
    const grown = edit(baseText, "10.10.10.10: { redis_node: 1, redis_instances: { 6379: {}, 6380: { replica_of: '10.10.10.10 6379' } } }", "10.10.10.10: { redis_node: 1, redis_instances: { 6379: {}, 6380: { replica_of: '10.10.10.10 6379' }, 6381: {} } }\n        10.10.10.11: { redis_node: 2, redis_instances: { 6379: {} } }");
    expect(argvs(planTexts(baseText, grown))).toEqual(['bin/redis-add 10.10.10.10 6381', 'bin/redis-add 10.10.10.11']);
    expect(argvs(planTexts(grown, baseText))).toEqual(['bin/redis-rm 10.10.10.10 6381', 'bin/redis-rm 10.10.10.11']);
  });

  it('an etcd cluster outside the group named etcd gets a note, never a command that reaches no host', () => {
    const renamed = baseText.replace('    etcd:\n', '    etcd-b:\n').replace('etcd_cluster: etcd\n', 'etcd_cluster: etcd-b\n');
    const plan = planTexts(renamed, edit(renamed, '        10.10.10.10: { etcd_seq: 1 }\n', '        10.10.10.10: { etcd_seq: 1 }\n        10.10.10.11: { etcd_seq: 2 }\n'));
    expect(argvs(plan)).toEqual([]);
    expect(plan.notes[0]).toMatch(/^etcd member 10\.10\.10\.11 added to etcd-b: Pigsty's etcd\.yml and etcd-rm\.yml run on the group named etcd only/);
  });

  it('etcd member changes are reviewed and carry the follow-ups bin/etcd-add prints', () => {
    const plan = planTexts(baseText, edit(baseText, '        10.10.10.10: { etcd_seq: 1 }\n', '        10.10.10.10: { etcd_seq: 1 }\n        10.10.10.11: { etcd_seq: 2 }\n'));
    expect(argvs(plan)).toEqual(['bin/etcd-add 10.10.10.11']);
    expect(plan.actions[0]?.reason).toContain("./etcd.yml -l 'etcd,!10.10.10.11' --tags=etcd_config,etcd_launch -f 1");
  });
});

describe('removal safeguards', () => {
  it('warns that a removal will stop when its safeguard is on in the base inventory', () => {
    const guarded = edit(baseText, '        pg_cluster: pg-test\n', '        pg_cluster: pg-test\n        pg_safeguard: true\n');
    const plan = planTexts(guarded, edit(guarded, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', ''));
    expect(plan.notes).toContain('a01 (bin/pgsql-rm pg-test 10.10.10.13) will stop: pg_safeguard is true for 10.10.10.13 in the base inventory, and Pigsty aborts the removal; set it to false in an earlier change, or remove by hand.');
    const unguarded = planTexts(baseText, edit(baseText, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', ''));
    expect(unguarded.notes.some((n) => n.includes('safeguard'))).toBe(false);
  });
});

describe('removal reasons', () => {
  it('says that removing a cluster’s primary instance deletes its backups too (pg_rm_backup), and not for a replica', () => {
    const primaryGone = planTexts(baseText, edit(edit(baseText, '        10.10.10.11: { pg_seq: 1, pg_role: primary }\n', ''), '10.10.10.12: { pg_seq: 2, pg_role: replica }', '10.10.10.12: { pg_seq: 2, pg_role: primary }'));
    const rm = primaryGone.actions.find((a) => a.kind === 'pgsql-rm');
    expect(rm?.argv).toEqual(['bin/pgsql-rm', 'pg-test', '10.10.10.11']);
    expect(rm?.reason).toMatch(/10\.10\.10\.11 is the primary: the cluster's pgBackRest backups are deleted too unless pg_rm_backup is false$/);
    const replicaGone = planTexts(baseText, edit(baseText, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', ''));
    expect(replicaGone.actions.find((a) => a.kind === 'pgsql-rm')?.reason).not.toMatch(/backups/);
  });
});

describe('module playbooks of their own', () => {
  it('pgBackRest settings run the pgbackrest tag, not a bootstrap pgsql.yml', () => {
    const plan = planTexts(baseText, edit(baseText, '        pg_cluster: pg-test\n', '        pg_cluster: pg-test\n        pgbackrest_method: minio\n'));
    expect(argvs(plan)).toEqual(['./pgsql.yml -l pg-test -t pgbackrest']);
    expect(risks(plan)).toEqual(['disruptive+review']);
  });

  it('docker settings run docker.yml, app definitions app.yml, both reviewed', () => {
    const apps = edit(baseText, '    redis-ms:\n', "    app:\n      hosts: { 10.10.10.12: {} }\n      vars: { docker_enabled: true, app: pgadmin, apps: { pgadmin: { conf: { PGADMIN_LISTEN_PORT: 8885 } } } }\n    redis-ms:\n");
    const changed = edit(edit(apps, 'PGADMIN_LISTEN_PORT: 8885', 'PGADMIN_LISTEN_PORT: 8886'), 'docker_enabled: true,', "docker_enabled: true, docker_registry_mirrors: [ 'https://mirror.example' ],");
    const plan = planTexts(apps, changed);
    expect(argvs(plan)).toEqual(['./app.yml -l app', './docker.yml -l app']);
    expect(risks(plan)).toEqual(['disruptive+review', 'disruptive+review']);
  });
});

describe('merged reasons', () => {
  it('lists the vars that share one explanation once, and keeps other reasons whole', () => {
    expect(mergeReasons(['node_tune changed: the whole ./node.yml runs on all; it restarts HAProxy', 'node_etc_hosts changed: the whole ./node.yml runs on all; it restarts HAProxy', 'refresh services; then reload'])).toBe(
      'node_tune, node_etc_hosts changed: the whole ./node.yml runs on all; it restarts HAProxy; refresh services; then reload',
    );
    expect(mergeReasons(['a changed: x', 'a changed: x'])).toBe('a changed: x');
  });
});

describe('settings with nothing to run, and node tags', () => {
  it('a removal or install-time setting (safeguard, rm_data, clean) runs nothing and says when it applies', () => {
    const plan = planTexts(baseText, edit(baseText, '        etcd_cluster: etcd\n', '        etcd_cluster: etcd\n        etcd_safeguard: true\n'));
    expect(argvs(plan)).toEqual([]);
    expect(plan.notes).toEqual(['etcd: etcd_safeguard added: read only when the module is removed (its *-rm.yml): nothing runs now']);
    const clean = planTexts(baseText, edit(baseText, 'node_tune: oltp', 'node_tune: oltp\n    grafana_clean: true'));
    expect(argvs(clean)).toEqual([]);
    expect(clean.notes[0]).toMatch(/grafana_clean added: read only when the module is \(re\)installed: nothing runs now; while it is true, that install purges the existing data first$/);
  });

  it('node settings run the node.yml tag whose tasks read them', () => {
    const plan = planTexts(baseText, edit(baseText, 'node_tune: oltp', "node_tune: oltp\n    node_etc_hosts: [ '10.10.10.10 h.pigsty' ]\n    node_timezone: UTC\n    haproxy_services: []\n    vip_address: 10.10.10.99"));
    expect(argvs(plan)).toEqual(['./node.yml -l all -t haproxy_config', './node.yml -l all -t node_hosts', './node.yml -l all -t node_timezone', './node.yml -l all -t node_vip']);
    expect(risks(plan)).toEqual(['safe', 'safe', 'safe', 'disruptive']);
  });

  it('kafka and mysql settings run their own converging playbooks, reviewed', () => {
    const kafka = edit(baseText, '    redis-ms:\n', '    kf-main:\n      hosts: { 10.10.10.12: { kafka_seq: 1 } }\n      vars: { kafka_cluster: kf-main }\n    redis-ms:\n');
    const plan = planTexts(kafka, edit(kafka, 'vars: { kafka_cluster: kf-main }', 'vars: { kafka_cluster: kf-main, kafka_heap_opts: -Xmx2g }'));
    expect(argvs(plan)).toEqual(['./kafka.yml -l kf-main']);
    expect(risks(plan)).toEqual(['disruptive+review']);
  });
});

describe('monitoring and offline queries', () => {
  it('pg_offline_query refreshes HBA rules and services (the offline role and selector), not a bootstrap pgsql.yml', () => {
    const plan = planTexts(baseText, edit(baseText, '10.10.10.13: { pg_seq: 3, pg_role: replica }', '10.10.10.13: { pg_seq: 3, pg_role: replica, pg_offline_query: true }'));
    expect(argvs(plan)).toEqual(['bin/pgsql-hba pg-test 10.10.10.13', 'bin/pgsql-svc pg-test']);
    expect(risks(plan)).toEqual(['safe', 'safe']);
  });

  it('pg_exporters of the infra group run pgsql-monitor.yml', () => {
    const plan = planTexts(baseText, edit(baseText, '        10.10.10.10: { infra_seq: 1 }\n', "        10.10.10.10: { infra_seq: 1 }\n      vars:\n        pg_exporters: { 20001: { pg_cluster: pg-remote, pg_seq: 1, pg_host: 10.10.10.50 } }\n"));
    expect(argvs(plan)).toEqual(['./pgsql-monitor.yml -l infra']);
    expect(risks(plan)).toEqual(['safe+review']);
  });
});
