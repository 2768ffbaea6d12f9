import { argvs, baseText, edit, planTexts } from './plan-fixture.js';

// Plain node groups (no module): Pigsty applies a group's vars to its nodes, so a group that
// appears, disappears, or that existing nodes join or leave changes those nodes' configuration.
const TUNED = `    tuned:
      hosts:
        10.10.10.11: {}
        10.10.10.12: {}
      vars:
        node_tune: olap
        node_crontab: [ '00 03 * * * root /pg/bin/pg-vacuum' ]
`;
const LABEL = `    rack-a:
      hosts:
        10.10.10.11: {}
`;
const withTuned = edit(baseText, '    redis-ms:\n', `${TUNED}    redis-ms:\n`);

describe('plain node groups', () => {
  it('an added group reconfigures the existing nodes it reaches, limited to their IPs', () => {
    const plan = planTexts(baseText, withTuned);
    expect(plan.changes.map((c) => c.id)).toEqual(['group:tuned:add']);
    expect(plan.changes[0]?.summary).toBe('group tuned added (10.10.10.11, 10.10.10.12)');
    expect(plan.changes[0]?.fields.map((f) => `${f.field} ${f.op}`)).toEqual(['node_crontab add', 'node_tune add']);
    expect(plan.changes[0]?.target).toEqual({ file: 'target/pigsty.yml', line: 49, column: 5 });
    expect(argvs(plan)).toEqual(['./node.yml -l tuned -t node_crontab', './node.yml -l tuned -t node_tune']);
    expect(plan.actions.map((a) => a.changes)).toEqual([['group:tuned:add'], ['group:tuned:add']]);
    // Both have narrow tags (roles/node/tasks/time.yml, tune.yml): nothing to review.
    expect(plan.actions.map((a) => a.review === true)).toEqual([false, false]);
  });

  it('a removed group re-runs its vars on the nodes that remain', () => {
    const plan = planTexts(withTuned, baseText);
    expect(plan.changes.map((c) => `${c.id} ${c.summary}`)).toEqual(['group:tuned:remove group tuned removed (was 10.10.10.11, 10.10.10.12)']);
    expect(plan.changes[0]?.base).toEqual({ file: 'base/pigsty.yml', line: 49, column: 5 });
    // No node_crontab is left for those nodes: node.yml skips an empty list, node-rm.yml restores the default crontab.
    expect(argvs(plan)).toEqual(['./node-rm.yml -l 10.10.10.11,10.10.10.12 -t node_crontab', './node.yml -l 10.10.10.11,10.10.10.12 -t node_tune']);
  });

  it('nodes joining or leaving a group get its vars applied or withdrawn', () => {
    const moved = edit(withTuned, '        10.10.10.12: {}\n      vars:\n        node_tune', '        10.10.10.13: {}\n      vars:\n        node_tune');
    const plan = planTexts(withTuned, moved);
    expect(plan.changes.map((c) => `${c.id} ${c.summary}`)).toEqual(['group:tuned:modify group tuned: 10.10.10.13 joined; 10.10.10.12 left']);
    expect(plan.changes[0]?.fields).toEqual([{ field: 'hosts.10.10.10.13', op: 'add' }, { field: 'hosts.10.10.10.12', op: 'remove' }]);
    expect(argvs(plan)).toEqual(['./node.yml -l 10.10.10.12,10.10.10.13 -t node_crontab', './node.yml -l 10.10.10.12,10.10.10.13 -t node_tune']);
  });

  it('a group without vars is reported with a note and no command', () => {
    const plan = planTexts(baseText, edit(baseText, '    redis-ms:\n', `${LABEL}    redis-ms:\n`));
    expect(plan.changes.map((c) => c.id)).toEqual(['group:rack-a:add']);
    expect(plan.actions).toEqual([]);
    expect(plan.notes).toEqual(['group rack-a added (10.10.10.11): the group has no variables and no module: nothing Pigsty deploys changes, so no command']);
  });

  it('a group made only of new nodes needs no command of its own: node-add gives them its vars', () => {
    const fresh = TUNED.replace('10.10.10.11', '10.10.10.31').replace('10.10.10.12', '10.10.10.32');
    const plan = planTexts(baseText, edit(baseText, '    redis-ms:\n', `${fresh}    redis-ms:\n`));
    expect(argvs(plan)).toEqual(['bin/node-add 10.10.10.31 10.10.10.32']);
    expect(plan.notes[0]).toBe('group tuned added (10.10.10.31, 10.10.10.32): its nodes are all new: they get its variables at node-add');
  });

  it('an unchanged group plans nothing, and reordering its hosts is no change', () => {
    expect(planTexts(withTuned, withTuned).changes).toEqual([]);
    const reordered = edit(withTuned, '        10.10.10.11: {}\n        10.10.10.12: {}\n', '        10.10.10.12: {}\n        10.10.10.11: {}\n');
    expect(planTexts(withTuned, reordered).changes).toEqual([]);
  });
});
