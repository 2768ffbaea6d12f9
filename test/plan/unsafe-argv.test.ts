import { buildInventory } from '../../src/inventory/build.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import { buildPlan } from '../../src/plan/plan.js';
import { baseText, edit } from './plan-fixture.js';

function inventory(text: string): ReturnType<typeof buildInventory> {
  const { loaded } = loadInventoryText(text, 'pigsty.yml');
  if (loaded === undefined) throw new Error('fixture does not load');
  return buildInventory(loaded);
}

describe('names bound for a command line', () => {
  it('make the plan invalid, with no action, when one fails the safe-name check (even if marked valid)', () => {
    const target = edit(baseText, "{ name: dbuser_view, password: View.Secret.3,", "{ name: 'x;rm -rf /', password: View.Secret.3,");
    const plan = buildPlan({ base: { label: 'base', inventory: inventory(baseText) }, target: { label: 'target', inventory: inventory(target), valid: true, diagnostics: [] } });
    expect(plan.valid).toBe(false);
    expect(plan.actions).toEqual([]);
    expect(plan.diagnostics).toEqual([{ code: 'PLAN001', severity: 'error', message: 'refusing to put user or database name "x;rm -rf /" on a command line: it fails the safe-name check', path: '' }]);
  });
});
