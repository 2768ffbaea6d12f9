import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildInventory } from '../../src/inventory/build.js';
import { loadInventoryText } from '../../src/inventory/load.js';
import { buildPlan } from '../../src/plan/plan.js';
import { renderContextFor } from '../../src/plan/render-context.js';
import { renderMarkdown } from '../../src/plan/render-markdown.js';
import { renderText } from '../../src/plan/render-text.js';

const CONF = '/work/shared/pigsty-conf';

function listYaml(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listYaml(full);
    return name.endsWith('.yml') ? [full] : [];
  });
}

const files = existsSync(CONF) ? listYaml(CONF) : [];
const maybe = files.length > 1 ? describe : describe.skip;

maybe('planning real Pigsty inventories', () => {
  it('plans every pair of consecutive templates in both directions without crashing', () => {
    const inventories = files.map((f) => {
      const { loaded } = loadInventoryText(readFileSync(f, 'utf8'), f);
      return loaded === undefined ? undefined : buildInventory(loaded);
    });
    let planned = 0;
    for (let i = 1; i < inventories.length; i++) {
      const a = inventories[i - 1];
      const b = inventories[i];
      if (a === undefined || b === undefined) continue;
      for (const [base, target] of [[a, b], [b, a]] as const) {
        const plan = buildPlan({ base: { label: 'base', inventory: base }, target: { label: 'target', inventory: target, valid: true, diagnostics: [] } });
        expect(plan.actions.every((x) => x.argv.length > 0 && x.changes.length > 0)).toBe(true);
        const ctx = renderContextFor(base, target);
        expect(renderMarkdown(plan, ctx).length).toBeLessThanOrEqual(65_536);
        expect(renderText(plan, ctx).length).toBeGreaterThan(0);
        planned += 1;
      }
    }
    expect(planned).toBeGreaterThanOrEqual(2 * (files.length - 1) - 4);
  });
});
