import { HEAD, VALID, lint } from './lint-text.js';

const PG = /^(PG\d|VIP)/;

describe('pg instances (PG001, PG002, PG004, PG005, PG006)', () => {
  it('accepts a primary and a replica with distinct pg_seq', () => {
    expect(lint(VALID, PG)).toEqual([]);
  });

  it('accepts a standby cluster whose primary replicates from another cluster, and a cascade replica', () => {
    const text = `${HEAD}    pg-src: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-src } }\n    pg-dst:\n      hosts:\n        10.10.10.21: { pg_seq: 1, pg_role: primary, pg_upstream: 10.10.10.11 }\n        10.10.10.22: { pg_seq: 2, pg_role: replica, pg_upstream: 10.10.10.21 }\n      vars: { pg_cluster: pg-dst }\n`;
    expect(lint(text, PG)).toEqual([]);
  });

  it('reports a duplicate pg_seq, an unknown role, a bad upstream and an instance replicating from itself', () => {
    const text = `${HEAD}    pg-test:\n      hosts:\n        10.10.10.11: { pg_seq: 1, pg_role: primary }\n        10.10.10.12: { pg_seq: 1, pg_role: replica }\n        10.10.10.13: { pg_seq: 3, pg_role: leader, pg_upstream: 10.10.10.300 }\n        10.10.10.14: { pg_role: replica, pg_upstream: 10.10.10.14 }\n      vars: { pg_cluster: pg-test }\n`;
    expect(lint(text, PG)).toEqual([
      '13:32 error PG004 duplicate pg_seq 1 in pg-test: 10.10.10.11, 10.10.10.12',
      '14:44 error PG002 pg_role of 10.10.10.13 in pg-test is leader: should be one of primary, replica, standby, offline, delayed',
      '14:65 error PG005 pg_upstream 10.10.10.300 is not a valid IPv4 address (octet 300) (10.10.10.13 in pg-test)',
      '15:22 error PG001 pg_seq of 10.10.10.14 in pg-test is missing',
      '15:55 error PG006 pg_upstream of 10.10.10.14 in pg-test is the instance itself',
    ]);
  });

  it('reports a primary whose upstream is a member of its own cluster', () => {
    const text = `${HEAD}    pg-test:\n      hosts:\n        10.10.10.11: { pg_seq: 1, pg_role: primary, pg_upstream: 10.10.10.12 }\n        10.10.10.12: { pg_seq: 2, pg_role: replica }\n      vars: { pg_cluster: pg-test }\n`;
    expect(lint(text, PG)).toEqual([
      '12:66 error PG006 primary 10.10.10.11 of pg-test has pg_upstream 10.10.10.12, a member of its own cluster: a standby cluster leader replicates from another cluster',
    ]);
  });
});

describe('one primary per cluster (PG003)', () => {
  it('checks Citus groups per pg_cluster, one primary each', () => {
    const text = `${HEAD}    pg-citus:\n      hosts:\n        10.10.10.21: { pg_group: 0, pg_cluster: pg-citus1, pg_seq: 1, pg_role: primary }\n        10.10.10.22: { pg_group: 0, pg_cluster: pg-citus1, pg_seq: 2, pg_role: replica }\n        10.10.10.31: { pg_group: 1, pg_cluster: pg-citus2, pg_seq: 1, pg_role: primary }\n      vars: { pg_mode: citus, pg_shard: pg-citus }\n`;
    expect(lint(text, PG)).toEqual([]);
  });

  it('reports two primaries, naming both', () => {
    const text = `${HEAD}    pg-test:\n      hosts:\n        10.10.10.11: { pg_seq: 1, pg_role: primary }\n        10.10.10.12: { pg_seq: 2, pg_role: primary }\n      vars: { pg_cluster: pg-test }\n`;
    expect(lint(text, /^PG003/)).toEqual(['13:44 error PG003 two primaries in pg-test: 10.10.10.11, 10.10.10.12']);
  });

  it('reports a cluster without a primary', () => {
    const text = `${HEAD}    pg-test:\n      hosts: { 10.10.10.21: { pg_seq: 1, pg_role: replica } }\n      vars: { pg_cluster: pg-test }\n`;
    expect(lint(text, /^PG003/)).toEqual(['10:5 error PG003 no primary in pg-test: exactly one instance needs pg_role primary']);
  });
});

describe('pg_cluster and its group (PG007)', () => {
  it('accepts pg_cluster equal to the group name', () => {
    expect(lint(VALID, /^PG007/)).toEqual([]);
  });

  it('warns when pg_cluster differs from the group name', () => {
    const text = `${HEAD}    pg-one:\n      hosts: { 10.10.10.21: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-two }\n`;
    expect(lint(text, /^PG007/)).toEqual(['12:27 warning PG007 pg_cluster pg-two differs from its group name pg-one']);
  });
});

describe('vip (VIP001, VIP002)', () => {
  it('accepts an enabled vip with a CIDR address', () => {
    const text = `${HEAD}    pg-test:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-test, pg_vip_enabled: true, pg_vip_address: 10.10.10.2/24 }\n`;
    expect(lint(text, /^VIP/)).toEqual([]);
  });

  it('reports an enabled vip without address and an address without prefix length', () => {
    const text = `${HEAD}    pg-a:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-a, pg_vip_enabled: true }\n    pg-b:\n      hosts: { 10.10.10.21: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-b, pg_vip_enabled: true, pg_vip_address: 10.10.10.2 }\n`;
    expect(lint(text, /^VIP/)).toEqual([
      '12:49 error VIP001 pg_vip_enabled is true in pg-a but pg_vip_address is not set (10.10.10.11)',
      '15:71 error VIP002 pg_vip_address 10.10.10.2 in group pg-b should be an IPv4 CIDR such as 10.10.10.2/24',
    ]);
  });
});
