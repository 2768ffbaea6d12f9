import type { ActionDraft } from './action-draft.js';
import type { Action, Risk } from './types.js';

const RISK_RANK: Record<Risk, number> = { safe: 0, disruptive: 1, destructive: 2 };

export function maxRisk(a: Risk, b: Risk): Risk {
  return RISK_RANK[a] >= RISK_RANK[b] ? a : b;
}

/**
 * Merges drafts with the same argv and inventory (one command converging several changes), orders
 * them by phase, then scope, then argv, and numbers them `a01`, `a02`… Same input, same output.
 */
export function orderActions(drafts: readonly ActionDraft[]): Action[] {
  const merged = new Map<string, ActionDraft>();
  for (const d of drafts) {
    const key = `${d.inventory}\0${d.argv.join('\0')}`;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, { ...d, changes: [...d.changes] });
      continue;
    }
    seen.phase = Math.max(seen.phase, d.phase);
    seen.risk = maxRisk(seen.risk, d.risk);
    seen.review = seen.review || d.review;
    for (const c of d.changes) if (!seen.changes.includes(c)) seen.changes.push(c);
    if (!seen.reason.split('; ').includes(d.reason)) seen.reason = `${seen.reason}; ${d.reason}`;
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...merged.values()].sort((a, b) => a.phase - b.phase || cmp(a.sortKey, b.sortKey) || cmp(a.argv.join(' '), b.argv.join(' ')));
  const width = Math.max(2, String(sorted.length).length);
  return sorted.map((d, i) => {
    const action: Action = { id: `a${String(i + 1).padStart(width, '0')}`, kind: d.kind, argv: d.argv, risk: d.risk, reason: d.reason, changes: d.changes, inventory: d.inventory };
    if (d.review) action.review = true;
    return action;
  });
}
