import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { buildInventory } from '../../src/inventory/build.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import { buildPlan } from '../../src/plan/plan.js';
import { renderContextFor } from '../../src/plan/render-context.js';
import { renderJson } from '../../src/plan/render-json.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/plan/render-markdown.js';
import { renderText } from '../../src/plan/render-text.js';
import { baseText, edit } from './plan-fixture.js';

const schema: unknown = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas', 'plan.schema.json'), 'utf8'));

function inventory(text: string, label: string): ReturnType<typeof buildInventory> {
  const { loaded } = loadInventoryText(text, label);
  if (loaded === undefined) throw new Error('fixture does not load');
  return buildInventory(loaded);
}

let target = edit(baseText, 'password: App.Secret.2', 'password: App.Rotated.8');
target = edit(target, 'auth: pwd, title: app access }', 'auth: ssl, title: app access }');
target = edit(target, '        10.10.10.13: { pg_seq: 3, pg_role: replica }\n', '');
target = edit(target, 'log_min_duration_statement: 1000', 'log_min_duration_statement: 500');
const a = inventory(baseText, 'environments/prod/pigsty.yml');
const b = inventory(target, 'environments/prod/pigsty.yml');

describe('renderings', () => {
  const real = buildPlan({ env: 'prod', base: { label: 'abc1234', inventory: a }, target: { label: 'def5678', inventory: b, valid: true, diagnostics: [] } });
  const ctx = renderContextFor(a, b, { fullPlanPointer: 'https://ci.example/plan/42' });

  it('markdown matches the reviewed snapshot', () => {
    expect(renderMarkdown(real, ctx)).toMatchSnapshot();
  });

  it('text lists the ordered commands with their risk', () => {
    const text = renderText(real, ctx);
    expect(text.split('\n').filter((l) => /^ {2}a\d\d/.test(l))).toEqual([
      '  a01  bin/pgsql-user pg-test dbuser_app    [safe]',
      '  a02  ./pgsql.yml -l pg-test -t pg_param,pg_reload    [disruptive]',
      '  a03  bin/pgsql-hba pg-test    [safe]',
      '  a04  bin/pgsql-rm pg-test 10.10.10.13    [destructive, base inventory]',
      '  a05  bin/pgsql-svc pg-test    [safe]',
      '  a06  bin/node-rm 10.10.10.13    [destructive, base inventory]',
    ]);
  });

  it('json follows schemas/plan.schema.json', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(schema as object);
    const json: unknown = JSON.parse(renderJson(real, ctx));
    expect(validate(json)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('markdown fits the limit, cut at a line with a pointer to the full plan', () => {
    const md = renderMarkdown(real, { ...ctx, maxLength: 1200 });
    expect(md.length).toBeLessThanOrEqual(1200);
    expect(md).toContain('Plan truncated to fit a GitHub comment');
    expect(md).toContain('https://ci.example/plan/42');
    expect(md).toContain('bin/pgsql-user pg-test dbuser_app');
    expect(renderMarkdown(real, ctx).length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  });

  it('keeps a plan of thousands of actions under GitHub’s limit', () => {
    let big = baseText;
    for (let i = 0; i < 400; i++) big = edit(big, '    redis-ms:\n', `    pg-x${i}:\n      hosts: { 10.20.${Math.floor(i / 200)}.${(i % 200) + 1}: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-x${i} }\n    redis-ms:\n`);
    const c = inventory(big, 'big.yml');
    const p = buildPlan({ base: { label: 'base', inventory: a }, target: { label: 'big', inventory: c, valid: true, diagnostics: [] } });
    expect(p.actions.length).toBe(800);
    const md = renderMarkdown(p, renderContextFor(a, c));
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toContain('Plan truncated');
  });
});
