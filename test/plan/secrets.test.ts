import { buildInventory } from '../../src/inventory/build.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import { buildPlan } from '../../src/plan/plan.js';
import { renderContextFor } from '../../src/plan/render-context.js';
import { renderJson } from '../../src/plan/render-json.js';
import { renderMarkdown } from '../../src/plan/render-markdown.js';
import { renderText } from '../../src/plan/render-text.js';
import type { Plan } from '../../src/plan/types.js';
import { baseText, edit } from './plan-fixture.js';

const SECRETS = ['Meta.Secret.1', 'App.Secret.2', 'View.Secret.3', 'Redis.Secret.4', 'Admin.Secret.5', 'Grafana.Secret.6', 'App.Rotated.8', 'Redis.Rotated.9', 'Admin.Rotated.10', 'New.Secret.7', 'Group.Secret.11', 'Node.Secret.12', 'BlockSecretLineOne', 'BlockSecretLineTwo', 'BlockSecretRotated'];

function inventory(text: string, label: string): ReturnType<typeof buildInventory> {
  const { loaded } = loadInventoryText(text, label);
  if (loaded === undefined) throw new Error('fixture does not load');
  return buildInventory(loaded);
}

function renderAll(plan: Plan, ctx: ReturnType<typeof renderContextFor>): string[] {
  return [renderText(plan, ctx), renderJson(plan, ctx), renderMarkdown(plan, ctx), renderMarkdown(plan, { ...ctx, maxLength: 1500 })];
}

describe('secrets in plans', () => {
  const rotated = [
    ['password: App.Secret.2', 'password: App.Rotated.8'],
    ['redis_password: Redis.Secret.4', 'redis_password: Redis.Rotated.9'],
    ['pg_admin_password: Admin.Secret.5', 'pg_admin_password: Admin.Rotated.10'],
    ['    redis-ms:\n', '    pg-new:\n      hosts: { 10.10.10.21: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-new, pg_users: [ { name: dbuser_new, password: New.Secret.7 } ] }\n    redis-ms:\n'],
    // a plain group whose vars hold a secret, and a secret host var on a redis node (the catch-all diff)
    ['    redis-ms:\n', '    tuned:\n      hosts: { 10.10.10.11: {} }\n      vars: { haproxy_admin_password: Group.Secret.11, node_tune: olap }\n    redis-ms:\n'],
    ['10.10.10.10: { redis_node: 1,', '10.10.10.10: { redis_node: 1, redis_password: Node.Secret.12,'],
  ].reduce((text, [from, to]) => edit(text, from ?? '', to ?? ''), baseText);

  it('never appear in any rendering, whatever the direction of the plan', () => {
    const a = inventory(baseText, 'base/pigsty.yml');
    const b = inventory(rotated, 'target/pigsty.yml');
    const plans: [Plan, ReturnType<typeof renderContextFor>][] = [
      [buildPlan({ base: { label: 'base', inventory: a }, target: { label: 'target', inventory: b, valid: true, diagnostics: [] } }), renderContextFor(a, b)],
      [buildPlan({ base: { label: 'target', inventory: b }, target: { label: 'base', inventory: a, valid: true, diagnostics: [] } }), renderContextFor(b, a)],
      [buildPlan({ base: { label: '(empty)', inventory: undefined }, target: { label: 'target', inventory: b, valid: true, diagnostics: [] } }), renderContextFor(undefined, b)],
    ];
    for (const [plan, ctx] of plans) {
      expect(plan.actions.length).toBeGreaterThan(0);
      for (const text of renderAll(plan, ctx)) for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    const [first] = plans[0] ?? [];
    expect(first?.changes.filter((c) => c.fields.some((f) => f.secret === true)).map((c) => c.summary)).toEqual([
      'pg_admin_password changed',
      'group tuned added (10.10.10.11)',
      'user dbuser_app: password changed',
      'redis-ms: redis_password changed',
      '10.10.10.10: redis_password added',
    ]);
  });

  it('never appear in the markdown YAML diff when written as a block scalar', () => {
    const withBlock = edit(baseText, '    grafana_admin_password: Grafana.Secret.6\n', '    grafana_admin_password: Grafana.Secret.6\n    patroni_password: |\n      BlockSecretLineOne\n      BlockSecretLineTwo\n');
    const rotatedBlock = edit(edit(withBlock, 'BlockSecretLineTwo', 'BlockSecretRotated'), 'log_min_duration_statement: 1000', 'log_min_duration_statement: 500');
    const a = inventory(withBlock, 'base/pigsty.yml');
    const b = inventory(rotatedBlock, 'target/pigsty.yml');
    const plan = buildPlan({ base: { label: 'base', inventory: a }, target: { label: 'target', inventory: b, valid: true, diagnostics: [] } });
    const md = renderMarkdown(plan, renderContextFor(a, b));
    expect(md).toContain('log_min_duration_statement: 500');
    for (const text of renderAll(plan, renderContextFor(a, b))) for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('show a rotation as "password changed" in the markdown diff, value redacted', () => {
    const a = inventory(baseText, 'base/pigsty.yml');
    const b = inventory(rotated, 'target/pigsty.yml');
    const md = renderMarkdown(buildPlan({ base: { label: 'base', inventory: a }, target: { label: 'target', inventory: b, valid: true, diagnostics: [] } }), renderContextFor(a, b));
    expect(md).toContain('user dbuser_app: password changed');
    expect(md).toContain('password: <redacted>');
  });

  it('keeps argv and names intact when a password equals a word inside them (password "test", cluster pg-test)', () => {
    const withWeakPassword = edit(baseText, 'password: App.Secret.2', 'password: test');
    const base = inventory(withWeakPassword, 'base/pigsty.yml');
    const target = inventory(edit(withWeakPassword, 'maxconn: 3000 }', 'maxconn: 5000 }'), 'target/pigsty.yml');
    const plan = buildPlan({ base: { label: 'base', inventory: base }, target: { label: 'target', inventory: target, valid: true, diagnostics: [] } });
    const ctx = renderContextFor(base, target);
    const json = JSON.parse(renderJson(plan, ctx)) as Plan;
    expect(json.actions.map((a) => a.argv)).toEqual([['bin/pgsql-svc', 'pg-test']]);
    expect(renderText(plan, ctx)).toContain('bin/pgsql-svc pg-test');
  });
});

