import { planHash } from './plan-hash.js';
import type { RenderContext } from './render-context.js';
import type { Plan } from './types.js';

/** The plan as JSON (schemas/plan.schema.json), with its `hash`. */
export function renderJson(plan: Plan, ctx: RenderContext): string {
  return ctx.scrub(`${JSON.stringify({ ...plan, hash: planHash(plan) }, null, 2)}\n`);
}
