import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Plan } from './types.js';

/**
 * sha256 (hex) of the canonical JSON of the plan's actions: what apply will run, in order.
 * Stable across key order, renderings and change summaries; the CMDB stores it with each run.
 */
export function planHash(plan: Pick<Plan, 'actions'>): string {
  const actions = plan.actions.map((a) => ({
    id: a.id,
    kind: a.kind,
    argv: a.argv,
    risk: a.risk,
    inventory: a.inventory,
    review: a.review === true,
  }));
  return createHash('sha256').update(canonicalJson(actions)).digest('hex');
}
