import { argvs, baseText, edit, planTexts } from './plan-fixture.js';

// A node's host vars are merged from all its group entries (Ansible). Whatever entity a node
// belongs to, a changed host var is a change: never silently dropped, never reported twice.
const DEDICATED_ETCD = edit(baseText, '        10.10.10.10: { etcd_seq: 1 }\n', '        10.10.10.10: { etcd_seq: 1 }\n        10.10.10.20: { etcd_seq: 2 }\n');

describe('host vars no entity diff owns', () => {
  it('a redis node’s own redis var is planned on that node', () => {
    const plan = planTexts(baseText, edit(baseText, '10.10.10.10: { redis_node: 1,', '10.10.10.10: { redis_node: 1, redis_max_memory: 2GB,'));
    expect(plan.changes.map((c) => `${c.id} | ${c.summary}`)).toEqual(['group.var:10.10.10.10/redis_max_memory:add | 10.10.10.10: redis_max_memory added']);
    expect(plan.changes[0]?.target).toEqual({ file: 'target/pigsty.yml', line: 51, column: 57 });
    expect(argvs(plan)).toEqual(['./redis.yml -l 10.10.10.10']);
    expect(plan.actions[0]?.review).toBe(true);
  });

  it('a node var on a dedicated etcd node is planned on that node', () => {
    const tuned = edit(DEDICATED_ETCD, '10.10.10.20: { etcd_seq: 2 }', '10.10.10.20: { etcd_seq: 2, node_tune: tiny }');
    const plan = planTexts(DEDICATED_ETCD, tuned);
    expect(plan.changes.map((c) => c.id)).toEqual(['group.var:10.10.10.20/node_tune:add']);
    expect(plan.changes[0]?.target).toEqual({ file: 'target/pigsty.yml', line: 10, column: 48 });
    expect(argvs(plan)).toEqual(['./node.yml -l 10.10.10.20 -t node_tune']);
  });

  it('an etcd member’s own etcd var stays an etcd member change (not reported twice)', () => {
    const plan = planTexts(DEDICATED_ETCD, edit(DEDICATED_ETCD, '10.10.10.20: { etcd_seq: 2 }', '10.10.10.20: { etcd_seq: 3 }'));
    expect(plan.changes.map((c) => c.id)).toEqual(['etcd.member:etcd/10.10.10.20:modify']);
  });

  it('a Postgres instance removed from its cluster while the node stays brings no noise about its pg vars', () => {
    const base = edit(DEDICATED_ETCD, '10.10.10.20: { etcd_seq: 2 }', '10.10.10.13: { etcd_seq: 2 }');
    const plan = planTexts(base, edit(base, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', ''));
    expect(plan.changes.map((c) => c.id)).toEqual(['pg.instance:pg-test/10.10.10.13:remove']);
    expect(argvs(plan)).toEqual(['bin/pgsql-rm pg-test 10.10.10.13', 'bin/pgsql-svc pg-test']);
  });

  it('a node var of a Postgres instance stays one change, whichever of the node’s entries sets it', () => {
    const plan = planTexts(baseText, edit(baseText, '10.10.10.10: { etcd_seq: 1 }', '10.10.10.10: { etcd_seq: 1, node_tune: tiny }'));
    expect(plan.changes.map((c) => c.id)).toEqual(['pg.var:pg-meta/10.10.10.10/node_tune:add']);
  });
});
