import { HEAD, VALID, lint } from './lint-text.js';

describe('global vars (VAR001-VAR004)', () => {
  it('accepts a valid admin_ip, version and region', () => {
    expect(lint(VALID, /^VAR/)).toEqual([]);
  });

  it('reports a missing admin_ip and version', () => {
    const text = `all:\n  vars: { region: china }\n  children:\n    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n`;
    expect(lint(text, /^VAR/)).toEqual([
      '2:9 error VAR001 admin_ip is not set in all.vars',
      '2:9 warning VAR003 version is not set in all.vars: is this a Pigsty inventory?',
    ]);
  });

  it('reports an admin_ip with an octet above 255 and an unknown region', () => {
    const text = `all:\n  vars:\n    version: v4\n    admin_ip: 10.10.10.256\n    region: mars\n  children: {}\n`;
    expect(lint(text, /^VAR/)).toEqual([
      '4:15 error VAR002 admin_ip 10.10.10.256 is not a valid IPv4 address (octet 256)',
      '5:13 warning VAR004 region mars is not one of default, china, europe',
    ]);
  });
});

describe('group structure (GRP001, GRP002)', () => {
  it('accepts groups with hosts and a parent group with only children', () => {
    const text = `${HEAD}    parent: { children: { kid: { hosts: { 10.10.10.5: {} } } } }\n`;
    expect(lint(text, /^GRP/)).toEqual([]);
  });

  it('reports empty groups, groups without hosts, and hosts or vars that are not maps', () => {
    const text = `${HEAD}    empty:\n    nohosts: { vars: { a: 1 } }\n    listhosts: { hosts: [ 10.10.10.1 ], vars: [ 1 ] }\n`;
    expect(lint(text, /^GRP/)).toEqual([
      '10:5 error GRP001 group empty is empty',
      '11:14 error GRP001 group nohosts has no hosts',
      '12:25 error GRP002 hosts of group listhosts should be a map of IP addresses, got a list',
      '12:47 error GRP002 vars of group listhosts should be a map, got a list',
    ]);
  });
});

describe('host keys (NET001)', () => {
  it('accepts IPv4 host keys', () => {
    expect(lint(VALID, /^NET/)).toEqual([]);
  });

  it('reports names, octets above 255 and leading zeros', () => {
    const text = `${HEAD}    web: { hosts: { web-1: {}, 10.10.10.300: {}, 10.010.10.1: {} } }\n`;
    expect(lint(text, /^NET/)).toEqual([
      '10:28 error NET001 host key web-1 is not an IPv4 address (in group web)',
      '10:46 error NET001 host key 10.10.10.300 is not a valid IPv4 address (octet 300) (in group web)',
      '10:63 error NET001 host key 10.010.10.1 is not a valid IPv4 address (octet 010) (in group web)',
    ]);
  });
});

describe('module membership (GRP003)', () => {
  it('accepts a node shared by different modules (etcd, pgsql, redis)', () => {
    const text = `${HEAD}    pg-a: { hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } }\n    redis-a: { hosts: { 10.10.10.10: { redis_node: 1, redis_instances: { 6379: {} } } }, vars: { redis_cluster: redis-a } }\n`;
    expect(lint(text, /^GRP/)).toEqual([]);
  });

  it('reports a node in two pgsql clusters', () => {
    const text = `${HEAD}    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } }\n    pg-b: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-b } }\n`;
    expect(lint(text, /^GRP/)).toEqual(['11:35 error GRP003 host 10.10.10.11 belongs to several pgsql clusters: pg-a, pg-b']);
  });
});

describe('safe names (SAFE001, SAFE002)', () => {
  it('accepts the names of a normal inventory', () => {
    expect(lint(VALID, /^SAFE/)).toEqual([]);
  });

  it('reports a group name with a space and a cluster name with a shell metacharacter', () => {
    const text = `${HEAD}    "bad name": { hosts: { 10.10.10.6: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: "pg;reboot" } }\n`;
    expect(lint(text, /^SAFE/)).toEqual([
      '10:17 error SAFE001 group name "bad name" is unsafe: it should match ^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$',
      '10:95 error SAFE002 pg_cluster pg;reboot in group bad name is unsafe: it should match ^[A-Za-z0-9][A-Za-z0-9-]{0,62}$',
    ]);
  });
});
