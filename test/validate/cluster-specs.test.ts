import { HEAD, VALID, lint } from './lint-text.js';

/** HEAD plus a one-node pg-test whose vars continue with `vars` (each line indented 8 spaces); vars start on line 14. */
function cluster(vars: string): string {
  return `${HEAD}    pg-test:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }\n      vars:\n        pg_cluster: pg-test\n${vars}`;
}

describe('pg_users (PGU001-PGU006, SAFE003)', () => {
  it('accepts well-typed users, YAML 1.1 yes as a boolean, and role maps', () => {
    const text = cluster(`        pg_users:\n          - { name: dbuser_a, password: Str0ng.Pw, superuser: yes, connlimit: 10, roles: [dbrole_admin, { name: dbrole_readonly, admin: true }] }\n`);
    expect(lint(text, /^(PGU|SAFE)/)).toEqual([]);
    expect(lint(VALID, /^(PGU|SAFE)/)).toEqual([]);
  });

  it('reports wrong types, unknown fields, duplicates, missing names, non-map entries, missing passwords and unsafe names', () => {
    const text = cluster(`        pg_users:
          - { name: dbuser_a, password: Str0ng.Pw, connlimit: '10', colour: red }
          - { name: dbuser_a, password: Str0ng.Pw2 }
          - { password: Str0ng.Pw3 }
          - just-a-string
          - { name: "bob; rm -rf /", login: true }
`);
    expect(lint(text, /^(PGU|SAFE)/)).toEqual([
      '15:63 error PGU002 pg_users[0] (dbuser_a) in group pg-test: connlimit should be an integer, got a string',
      '15:77 warning PGU003 pg_users[0] (dbuser_a) in group pg-test has an unknown field colour',
      '16:21 error PGU004 duplicate user dbuser_a in pg_users of group pg-test: entries 0 and 1',
      '17:13 error PGU001 pg_users[2] in group pg-test has no name',
      '18:13 error PGU001 pg_users[3] in group pg-test should be a map, got a string',
      '19:13 warning PGU005 pg_users[4] (bob; rm -rf /) in group pg-test has no password',
      "19:21 error PGU006 pg_users[4] (bob; rm -rf /) in group pg-test: Pigsty's user task rejects this name: it should match ^[a-z_][a-z0-9_@.-]{0,62}$ (lower case)",
      '19:21 error SAFE003 user name "bob; rm -rf /" in pg_users[4] of group pg-test is unsafe: it should match ^[A-Za-z_][A-Za-z0-9_-]{0,62}$',
    ]);
  });

  it('reports pg_users names Pigsty’s user task would reject (upper case), not default roles', () => {
    const text = cluster(`        pg_users:
          - { name: DBUser_App, password: Str0ng.Pw }
        pg_default_roles:
          - { name: DBRole_X, login: false }
`);
    expect(lint(text, /^PGU006/)).toEqual([
      "15:21 error PGU006 pg_users[0] (DBUser_App) in group pg-test: Pigsty's user task rejects this name: it should match ^[a-z_][a-z0-9_@.-]{0,62}$ (lower case)",
    ]);
  });

  it('reports pg_users that is not a list', () => {
    expect(lint(cluster(`        pg_users: { name: a }\n`), /^PGU/)).toEqual(['14:19 error PGU001 pg_users in group pg-test should be a list, got a map']);
  });
});

describe('pg_databases (PGD001-PGD004, SAFE003, SAFE004)', () => {
  it('accepts databases with known fields', () => {
    const text = cluster(`        pg_databases:\n          - { name: meta, owner: dbuser_meta, baseline: cmdb.sql, schemas: [pigsty], extensions: [{ name: vector }], revokeconn: true }\n`);
    expect(lint(text, /^(PGD|SAFE)/)).toEqual([]);
  });

  it('reports wrong types, duplicates, missing names and unsafe owners and names', () => {
    const text = cluster(`        pg_databases:
          - { name: app, owner: dbuser_a, extensions: vector }
          - { name: app }
          - { owner: "x y" }
          - { name: "app'--" }
`);
    expect(lint(text, /^(PGD|SAFE)/)).toEqual([
      '15:55 error PGD002 pg_databases[0] (app) in group pg-test: extensions should be a list, got a string',
      '16:21 error PGD004 duplicate database app in pg_databases of group pg-test: entries 0 and 1',
      '17:13 error PGD001 pg_databases[2] in group pg-test has no name',
      '17:22 error SAFE003 owner "x y" of pg_databases[2] in group pg-test is unsafe: it should match ^[A-Za-z_][A-Za-z0-9_-]{0,62}$',
      '18:21 error SAFE004 database name "app\'--" in pg_databases[3] of group pg-test is unsafe: it should match ^[A-Za-z_][A-Za-z0-9_-]{0,62}$',
    ]);
  });
});

describe('pg_services (PGS001-PGS007, SAFE005)', () => {
  it('accepts services with distinct names and ports, dest as a port in default services', () => {
    const text = cluster(`        pg_services: [{ name: standby, port: 5435, dest: postgres, selector: "[]", backup: "[? pg_role == \`primary\`]" }]\n        pg_default_services: [{ name: primary, port: 5433, dest: 1433, check: /primary, selector: "[]" }]\n`);
    expect(lint(text, /^(PGS|SAFE)/)).toEqual([]);
  });

  it('reports duplicate names and ports, bad dest, out-of-range and reserved ports, unsafe and missing names', () => {
    const text = cluster(`        pg_services:
          - { name: ro, port: 5440, dest: pgbouncer, selector: "[]" }
          - { name: ro, port: 5440, dest: nowhere }
          - { name: big, port: 70000 }
          - { name: "my svc", port: 5432 }
          - { port: 5441 }
          - { name: noport }
`);
    expect(lint(text, /^(PGS|SAFE)/)).toEqual([
      '16:21 error PGS007 duplicate service ro in pg_services of group pg-test: entries 0 and 1',
      '16:31 error PGS003 pg_services[1] (ro) in group pg-test: port 5440 is already used by pg_services[0]',
      '16:43 error PGS005 pg_services[1] (ro) in group pg-test: dest should be one of default, postgres, pgbouncer or a port 1..65535, got a string',
      '17:32 error PGS002 pg_services[2] (big) in group pg-test: port 70000 should be an integer 1..65535',
      '18:21 error SAFE005 service name "my svc" in pg_services[3] of group pg-test is unsafe: it should match ^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$',
      '18:37 warning PGS004 pg_services[3] (my svc) in group pg-test: port 5432 may be reserved by Pigsty',
      '19:13 error PGS001 pg_services[4] in group pg-test has no name',
      '20:13 error PGS001 pg_services[5] (noport) in group pg-test has no port',
    ]);
  });
});

describe('hba rules (HBA001-HBA009)', () => {
  it('accepts aliases, CIDRs, raw rules and roles', () => {
    const text = cluster(`        pg_hba_rules:
          - { user: all, db: all, addr: 10.0.0.0/8, auth: ssl, title: cidr }
          - { user: '\${admin}', db: all, addr: world, auth: pwd, title: alias, role: primary, order: 500 }
          - { title: raw, rules: [ 'host all all 0.0.0.0/0 md5' ] }
        pgb_hba_rules: [{ user: all, db: all, addr: intra, auth: pwd, title: pgb }]
`);
    expect(lint(text, /^HBA/)).toEqual([]);
  });

  it('reports bad addr, auth, rules and role, missing fields, unknown fields and replication in pgbouncer', () => {
    const text = cluster(`        pg_hba_rules:
          - { user: all, db: all, addr: 10.0.0.0/33, auth: pwd, title: bad cidr }
          - { user: all, db: all, addr: intranet, auth: password, title: bad auth }
          - { title: raw, rules: [ 'host all all 0.0.0.0/0 md5', 1 ] }
          - { user: all, auth: pwd }
          - { user: all, db: all, addr: intra, auth: pwd, role: leader, title: r, colour: x }
          - nope
        pgb_hba_rules:
          - { user: all, db: replication, addr: intra, auth: pwd, title: repl }
`);
    expect(lint(text, /^HBA/)).toEqual([
      '15:41 error HBA003 pg_hba_rules[0] in group pg-test: addr 10.0.0.0/33 is neither an alias (local, localhost, admin, infra, cluster, intra, intranet, world, all) nor an IPv4 address or CIDR',
      '16:57 error HBA004 pg_hba_rules[1] in group pg-test: auth password should be one of deny, pwd, ssl, sha, cert, ssl-md5, ssl-sha, md5, os, ident, peer, trust, reject, scram-sha-256',
      '17:34 error HBA005 pg_hba_rules[2] in group pg-test: rules should be a list of pg_hba.conf lines (strings), got a list with a non-string entry',
      '18:13 error HBA002 pg_hba_rules[3] in group pg-test has neither addr nor rules',
      '18:13 warning HBA008 pg_hba_rules[3] in group pg-test has no db (Pigsty uses all)',
      '18:13 warning HBA008 pg_hba_rules[3] in group pg-test has no title',
      '19:65 error HBA006 pg_hba_rules[4] in group pg-test: role leader should be one of default, common, primary, replica, offline, standby, delayed',
      '19:91 warning HBA009 pg_hba_rules[4] in group pg-test has an unknown field colour',
      '20:13 error HBA001 pg_hba_rules[5] in group pg-test should be a map, got a string',
      '22:30 error HBA007 pgb_hba_rules[0] in group pg-test: db replication is not allowed in pgbouncer hba rules',
    ]);
  });
});

describe('default passwords (SEC001)', () => {
  it('accepts credentials that are not Pigsty defaults', () => {
    expect(lint(VALID, /^SEC/)).toEqual([]);
  });

  it('warns about published defaults in all.vars and nested lists, without printing them', () => {
    const text = `all:
  vars:
    version: v4
    admin_ip: 10.10.10.10
    region: default
    pg_admin_password: DBUser.DBA
    pgbackrest_repo: { minio: { type: s3, s3_key_secret: S3User.Backup, cipher_pass: pgBackRest } }
  children:
    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }
    pg-meta:
      hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }
      vars: { pg_cluster: pg-meta, pg_users: [{ name: dbuser_meta, password: DBUser.Meta }] }
`;
    const lines = lint(text, /^SEC/);
    expect(lines).toEqual([
      '6:24 warning SEC001 pg_admin_password in all.vars is a published Pigsty default credential: change it',
      '7:58 warning SEC001 pgbackrest_repo.minio.s3_key_secret in all.vars is a published Pigsty default credential: change it',
      '7:86 warning SEC001 pgbackrest_repo.minio.cipher_pass in all.vars is a published Pigsty default credential: change it',
      '12:78 warning SEC001 pg_users[0].password in group pg-meta is a published Pigsty default credential: change it',
    ]);
    expect(lines.join('\n')).not.toMatch(/DBUser|S3User|pgBackRest/);
  });
});
