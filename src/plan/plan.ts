import type { Inventory } from '../inventory/model.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { ActionDraft } from './action-draft.js';
import { diffInventories } from './diff-inventories.js';
import { mapModules } from './map-modules.js';
import { mapNodes } from './map-nodes.js';
import { mapPg } from './map-pg.js';
import { mapRedis } from './map-redis.js';
import { mapVars } from './map-vars.js';
import { orderActions } from './order.js';
import { riskNotes } from './risk-summary.js';
import { safeguardNotes } from './safeguard-notes.js';
import type { Plan, PlanRevision } from './types.js';
import { UnsafeArgvError } from './unsafe-argv-error.js';

export interface PlanSide extends PlanRevision {
  /** Undefined for the base = plan from an empty inventory (everything is new). */
  inventory: Inventory | undefined;
}

export interface PlanInput {
  env?: string;
  base: PlanSide;
  target: PlanSide & { valid: boolean; diagnostics: Diagnostic[] };
}

function revision(side: PlanSide): PlanRevision {
  return side.revision !== undefined ? { label: side.label, revision: side.revision } : { label: side.label };
}

/**
 * The plan from `base` to `target`: entity changes, the Pigsty commands that converge them in
 * order, with risk. Pure. An invalid target gives its diagnostics and no actions; so does an argv
 * word that fails the safe-name check (defence in depth behind the validator).
 */
export function buildPlan(input: PlanInput): Plan {
  const head = {
    ...(input.env !== undefined ? { env: input.env } : {}),
    base: revision(input.base),
    target: revision(input.target),
  };
  const target = input.target.inventory;
  if (!input.target.valid || target === undefined) {
    return { ...head, valid: false, diagnostics: input.target.diagnostics, changes: [], actions: [], notes: ['The target inventory is invalid: fix the diagnostics; no action is planned.'] };
  }
  const base = input.base.inventory;
  const planned = diffInventories(base, target);
  let drafts: ActionDraft[];
  try {
    drafts = [...mapNodes(planned), ...mapModules(planned), ...mapPg(planned), ...mapRedis(planned), ...mapVars(planned, base, target)];
  } catch (err) {
    if (!(err instanceof UnsafeArgvError)) throw err;
    const diagnostic: Diagnostic = { code: 'PLAN001', severity: 'error', message: err.message, path: '' };
    return { ...head, valid: false, diagnostics: [...input.target.diagnostics, diagnostic], changes: planned.map((p) => p.change), actions: [], notes: ['A name would reach a command line unsafely: no action is planned.'] };
  }
  const actions = orderActions(drafts);
  const covered = new Set(actions.flatMap((a) => a.changes));
  // Changes without an action share one note line per explanation (a first deployment adds many
  // global vars that all read "no existing deployment is affected").
  const summariesByNote = new Map<string, string[]>();
  for (const { change } of planned) {
    if (covered.has(change.id)) continue;
    if (change.note === undefined) change.note = 'no Pigsty command is mapped to this change: converge it by hand';
    const summaries = summariesByNote.get(change.note);
    if (summaries === undefined) summariesByNote.set(change.note, [change.summary]);
    else summaries.push(change.summary);
  }
  const notes = [...summariesByNote].map(([note, summaries]) => `${summaries.join('; ')}: ${note}`);
  notes.push(...riskNotes(actions));
  notes.push(...safeguardNotes(actions, base));
  return { ...head, valid: true, diagnostics: input.target.diagnostics, changes: planned.map((p) => p.change), actions, notes };
}
