import { parse, stringify } from 'yaml';
import { planHash } from '../../src/plan/plan-hash.js';
import { baseText, edit, planTexts } from './plan-fixture.js';

/** Reverses the key order of every mapping, recursively. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe('semantic diff', () => {
  it('plans nothing between an inventory and itself', () => {
    const plan = planTexts(baseText, baseText);
    expect(plan.valid).toBe(true);
    expect(plan.changes).toEqual([]);
    expect(plan.actions).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  it('sees no change in reordered keys, block instead of flow style, and comments', () => {
    const reformatted = `# reformatted by hand\n${stringify(reverseKeys(parse(baseText)), { collectionStyle: 'block' })}`;
    expect(reformatted).not.toEqual(baseText);
    const plan = planTexts(baseText, reformatted);
    expect(plan.changes).toEqual([]);
    expect(plan.actions).toEqual([]);
  });

  it('gives the same hash for the same actions, and a different one when they differ', () => {
    const rotated = edit(baseText, 'password: App.Secret.2', 'password: App.Rotated.8');
    const a = planTexts(baseText, rotated);
    const b = planTexts(baseText, `# comment\n${rotated}`);
    expect(planHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(planHash(a)).toEqual(planHash(b));
    expect(planHash(a)).not.toEqual(planHash(planTexts(baseText, edit(baseText, 'password: View.Secret.3', 'password: View.Rotated.9'))));
  });

  it('turns an invalid target into diagnostics with file and line, and no actions', () => {
    const plan = planTexts(baseText, edit(baseText, '10.10.10.12: { pg_seq: 2, pg_role: replica }', '10.10.10.12: { pg_seq: 2, pg_role: leader }'));
    expect(plan.valid).toBe(false);
    expect(plan.actions).toEqual([]);
    expect(plan.changes).toEqual([]);
    const error = plan.diagnostics.find((d) => d.severity === 'error');
    expect(error?.file).toBe('target/pigsty.yml');
    expect(error?.line).toBe(29);
  });
});
