import type { Action, Risk } from './types.js';

export interface RiskCounts {
  safe: number;
  disruptive: number;
  destructive: number;
  review: number;
}

export function countRisks(actions: readonly Action[]): RiskCounts {
  const out: RiskCounts = { safe: 0, disruptive: 0, destructive: 0, review: 0 };
  for (const a of actions) {
    out[a.risk satisfies Risk] += 1;
    if (a.review === true) out.review += 1;
  }
  return out;
}

/** The notes every plan carries about risk: destructive actions need an explicit opt-in. */
export function riskNotes(actions: readonly Action[]): string[] {
  const counts = countRisks(actions);
  const notes: string[] = [];
  if (counts.destructive > 0) {
    notes.push(`${counts.destructive} destructive action(s) (${actions.filter((a) => a.risk === 'destructive').map((a) => a.id).join(', ')}): data or members are lost; apply runs them only with an explicit opt-in (pigsty-gitops apply --allow-destroy).`);
  }
  if (counts.review > 0) {
    notes.push(`${counts.review} action(s) flagged for review by hand (${actions.filter((a) => a.review === true).map((a) => a.id).join(', ')}): no narrow Pigsty command is known; check them before approving.`);
  }
  const base = actions.filter((a) => a.inventory === 'base').length;
  if (base > 0) notes.push(`${base} removal(s) run against the base inventory, which still lists what they remove.`);
  return notes;
}
