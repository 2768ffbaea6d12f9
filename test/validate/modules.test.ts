import { HEAD, VALID, lint } from './lint-text.js';

describe('infra members (INFRA001, INFRA002)', () => {
  it('accepts distinct integer infra_seq values', () => {
    const text = `${HEAD}    infra: { hosts: { 10.10.10.10: { infra_seq: 1 }, 10.10.10.11: { infra_seq: 2 } } }\n`;
    expect(lint(text, /^INFRA/)).toEqual([]);
  });

  it('reports negative, non-integer, missing and duplicate infra_seq', () => {
    const text = `${HEAD}    infra: { hosts: { 10.10.10.10: { infra_seq: -1 }, 10.10.10.12: { infra_seq: x }, 10.10.10.13: {}, 10.10.10.14: { infra_seq: 2 }, 10.10.10.15: { infra_seq: 2 } } }\n`;
    expect(lint(text, /^INFRA/)).toEqual([
      '10:49 error INFRA001 infra_seq of 10.10.10.10 in infra should be an integer >= 0, got -1',
      '10:81 error INFRA001 infra_seq of 10.10.10.12 in infra should be an integer >= 0, got x',
      '10:99 error INFRA001 infra_seq of 10.10.10.13 in infra is missing',
      '10:160 error INFRA002 duplicate infra_seq 2 in infra: 10.10.10.14, 10.10.10.15',
    ]);
  });
});

describe('etcd members and quorum (ETCD001-ETCD004)', () => {
  it('accepts an odd etcd cluster with distinct etcd_seq', () => {
    expect(lint(VALID, /^ETCD/)).toEqual([]);
  });

  it('reports a duplicate etcd_seq and warns about an even member count', () => {
    const text = `all:\n  vars: { version: v4, admin_ip: 10.10.10.10, region: default }\n  children:\n    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 }, 10.10.10.11: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n`;
    expect(lint(text, /^ETCD/)).toEqual([
      '4:11 warning ETCD003 etcd cluster etcd has 2 members: an even count tolerates no more failures than 1',
      '4:77 error ETCD002 duplicate etcd_seq 1 in etcd: 10.10.10.10, 10.10.10.11',
    ]);
  });

  it('reports a missing etcd_seq and warns when pgsql clusters have no etcd', () => {
    const noEtcd = `all:\n  vars: { version: v4, admin_ip: 10.10.10.10, region: default }\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } }\n`;
    expect(lint(noEtcd, /^ETCD/)).toEqual(['3:3 warning ETCD004 no etcd cluster, which pgsql clusters need for high availability (pg-a)']);
    const noSeq = `all:\n  vars: { version: v4, admin_ip: 10.10.10.10, region: default }\n  children:\n    etcd: { hosts: { 10.10.10.10: {} }, vars: { etcd_cluster: etcd } }\n`;
    expect(lint(noSeq, /^ETCD/)).toEqual(['4:35 error ETCD001 etcd_seq of 10.10.10.10 in etcd is missing']);
  });
});

describe('minio (MINIO001-MINIO006)', () => {
  it('accepts a minio cluster with distinct minio_seq and silo type', () => {
    const text = `${HEAD}    minio: { hosts: { 10.10.10.14: { minio_seq: 1 }, 10.10.10.15: { minio_seq: 2 } }, vars: { minio_cluster: minio, minio_type: silo } }\n`;
    expect(lint(text, /^MINIO/)).toEqual([]);
  });

  it('reports minio_cluster in all.vars, a non-silo minio_type and a duplicate minio_seq', () => {
    const text = `all:\n  vars: { version: v4, admin_ip: 10.10.10.10, region: default, minio_cluster: minio }\n  children:\n    minio: { hosts: { 10.10.10.14: { minio_seq: 1, minio_type: mnmd }, 10.10.10.15: { minio_seq: 1 } }, vars: { minio_cluster: minio } }\n`;
    expect(lint(text, /^MINIO/)).toEqual([
      '2:79 error MINIO003 minio_cluster is not allowed in all.vars: define it in the minio cluster group vars',
      '4:64 error MINIO005 minio_type in host 10.10.10.14 in minio is mnmd: only silo is supported',
      '4:98 error MINIO002 duplicate minio_seq 1 in minio: 10.10.10.14, 10.10.10.15',
    ]);
  });

  it('reports a minio group without minio_cluster, an empty minio_cluster and a missing minio_seq', () => {
    const text = `all:\n  vars: { version: v4, admin_ip: 10.10.10.10, region: default }\n  children:\n    minio: { hosts: { 10.10.10.14: { minio_seq: 1 } } }\n    minio2: { hosts: { 10.10.10.15: {} }, vars: { minio_cluster: '' } }\n`;
    expect(lint(text, /^MINIO/)).toEqual([
      '4:12 error MINIO004 group minio has no minio_cluster in its vars',
      '5:37 error MINIO001 minio_seq of 10.10.10.15 in minio2 is missing',
      '5:66 error MINIO004 minio_cluster of group minio2 should be a non-empty string, got ""',
    ]);
    const noRepo = `all:\n  vars: { version: v4, admin_ip: 10.10.10.10, region: default, pgbackrest_method: minio }\n  children: {}\n`;
    expect(lint(noRepo, /^MINIO/)).toEqual(['2:83 warning MINIO006 pgbackrest_method is minio but the inventory has no minio cluster']);
    const missingSeq = `${HEAD}    minio: { hosts: { 10.10.10.14: {} }, vars: { minio_cluster: minio } }\n`;
    expect(lint(missingSeq, /^MINIO/)).toEqual(['10:36 error MINIO001 minio_seq of 10.10.10.14 in minio is missing']);
  });
});

describe('redis (REDIS001-REDIS006)', () => {
  it('accepts redis nodes with distinct redis_node and valid ports', () => {
    const text = `${HEAD}    redis-a:\n      hosts:\n        10.10.10.51: { redis_node: 1, redis_instances: { 6379: {}, 6380: { replica_of: '10.10.10.51 6379' } } }\n        10.10.10.52: { redis_node: 2, redis_instances: { 6379: {} } }\n      vars: { redis_cluster: redis-a }\n`;
    expect(lint(text, /^REDIS/)).toEqual([]);
  });

  it('reports ports below 1024, which Pigsty’s redis scripts reject', () => {
    const text = `${HEAD}    redis-a:\n      hosts:\n        10.10.10.51: { redis_node: 1, redis_instances: { 80: {} } }\n      vars: { redis_cluster: redis-a }\n`;
    expect(lint(text, /^REDIS004/)).toEqual(["12:62 error REDIS004 redis port 80 on 10.10.10.51 in redis-a should be an integer 1024..65535 (Pigsty's bin/redis-add and bin/redis-rm reject lower ports)"]);
  });

  it('reports bad ports, duplicate ports and redis_node, a bad replica_of and empty instances', () => {
    const text = `${HEAD}    redis-a:\n      hosts:\n        10.10.10.51: { redis_node: 1, redis_instances: { 6379: {}, '06379': {}, 99999: {}, abc: {} } }\n        10.10.10.52: { redis_node: 1, redis_instances: { 6379: { replica_of: somewhere } } }\n        10.10.10.53: { redis_instances: {} }\n      vars: { redis_cluster: redis-a }\n`;
    expect(lint(text, /^REDIS/)).toEqual([
      '12:77 error REDIS005 redis port 6379 is defined twice on 10.10.10.51 in redis-a (6379 and 06379)',
      "12:88 error REDIS004 redis port 99999 on 10.10.10.51 in redis-a should be an integer 1024..65535 (Pigsty's bin/redis-add and bin/redis-rm reject lower ports)",
      "12:97 error REDIS004 redis port abc on 10.10.10.51 in redis-a should be an integer 1024..65535 (Pigsty's bin/redis-add and bin/redis-rm reject lower ports)",
      '13:36 error REDIS002 duplicate redis_node 1 in redis-a: 10.10.10.51, 10.10.10.52',
      '13:78 error REDIS006 replica_of somewhere of 10.10.10.52:6379 in redis-a should be "<ipv4> <port>"',
      '14:22 error REDIS001 redis_node of 10.10.10.53 in redis-a is missing',
      '14:41 error REDIS003 redis_instances of 10.10.10.53 in redis-a is empty',
    ]);
  });
});
