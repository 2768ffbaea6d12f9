/** Test support: plan two inventory texts through the real loader, validator and planner. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadInventoryText } from '../../src/inventory/load.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { Plan } from '../../src/plan/types.js';
import { createValidator, type Validator } from '../../src/validate/validate.js';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plan');
export const baseText = readFileSync(join(fixturesDir, 'base.yml'), 'utf8');

let shared: Validator | undefined;
function validator(): Validator {
  shared ??= createValidator();
  return shared;
}

function side(text: string, label: string): { inventory: ReturnType<Validator['validateInventory']>['inventory']; valid: boolean; diagnostics: ReturnType<Validator['validateInventory']>['diagnostics'] } {
  const { loaded, diagnostics } = loadInventoryText(text, label);
  if (loaded === undefined) return { inventory: undefined, valid: false, diagnostics };
  const result = validator().validateInventory(loaded);
  return { inventory: result.inventory, valid: result.valid, diagnostics: [...diagnostics, ...result.diagnostics] };
}

/** Plans `target` against `base` (`undefined` = empty base). */
export function planTexts(base: string | undefined, target: string, env?: string): Plan {
  const b = base === undefined ? undefined : side(base, 'base/pigsty.yml');
  const t = side(target, 'target/pigsty.yml');
  return buildPlan({
    ...(env !== undefined ? { env } : {}),
    base: { label: base === undefined ? '(empty)' : 'base/pigsty.yml', inventory: b?.inventory },
    target: { label: 'target/pigsty.yml', inventory: t.inventory, valid: t.valid, diagnostics: t.diagnostics },
  });
}

/** Replaces exactly one occurrence of `from` (fails loudly otherwise, so scenarios stay honest). */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit: ${JSON.stringify(from)} must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function argvs(plan: Plan): string[] {
  return plan.actions.map((a) => a.argv.join(' '));
}

/** Each action's risk, `+review` when flagged, `@base` when it runs with the base inventory. */
export function risks(plan: Plan): string[] {
  return plan.actions.map((a) => `${a.risk}${a.review === true ? '+review' : ''}${a.inventory === 'base' ? '@base' : ''}`);
}
