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

/** The diff and its mapped commands, computed before the target's verdict is known (see `buildPlan`). */
export interface PlanDraft {
  base: Inventory | undefined;
  target: Inventory;
  planned: ReturnType<typeof diffInventories>;
  /** The mapped actions, or the argv word that failed the safe-name check. */
  drafts: ActionDraft[] | UnsafeArgvError;
}

/** Diffs `base` against `target` and maps the changes to commands; pure. */
export function draftPlan(base: Inventory | undefined, target: Inventory): PlanDraft {
  const planned = diffInventories(base, target);
  try {
    return { base, target, planned, drafts: [...mapNodes(planned), ...mapModules(planned), ...mapPg(planned), ...mapRedis(planned), ...mapVars(planned, base, target)] };
  } catch (err) {
    if (!(err instanceof UnsafeArgvError)) throw err;
    return { base, target, planned, drafts: err };
  }
}

/**
 * The plan from `base` to `target`: entity changes, the Pigsty commands that converge them in
 * order, with risk. Pure. An invalid target gives its diagnostics and no actions; so does an argv
 * word that fails the safe-name check (defence in depth behind the validator). `draft`, when given,
 * is `draftPlan` of the same two inventories (computed while the target was being validated).
 */
export function buildPlan(input: PlanInput, draft?: PlanDraft): Plan {
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
  if (draft !== undefined && (draft.base !== base || draft.target !== target)) throw new Error('buildPlan: the draft was computed for other inventories');
  const { planned, drafts } = draft ?? draftPlan(base, target);
  if (drafts instanceof UnsafeArgvError) {
    const diagnostic: Diagnostic = { code: 'PLAN001', severity: 'error', message: drafts.message, path: '' };
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
  return { ...head, valid: true, diagnostics: input.target.diagnostics, changes: planned.map((p) => p.change), actions, notes };
}
