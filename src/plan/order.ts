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
  const merged = new Map<string, { draft: ActionDraft; reasons: string[] }>();
  for (const d of drafts) {
    const key = `${d.inventory}\0${d.argv.join('\0')}`;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, { draft: { ...d, changes: [...d.changes] }, reasons: [d.reason] });
      continue;
    }
    const m = seen.draft;
    m.phase = Math.max(m.phase, d.phase);
    m.risk = maxRisk(m.risk, d.risk);
    m.review = m.review || d.review;
    for (const c of d.changes) if (!m.changes.includes(c)) m.changes.push(c);
    seen.reasons.push(d.reason);
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...merged.values()].sort((a, b) => a.draft.phase - b.draft.phase || cmp(a.draft.sortKey, b.draft.sortKey) || cmp(a.draft.argv.join(' '), b.draft.argv.join(' ')));
  const width = Math.max(2, String(sorted.length).length);
  return sorted.map(({ draft: d, reasons }, i) => {
    const action: Action = { id: `a${String(i + 1).padStart(width, '0')}`, kind: d.kind, argv: d.argv, risk: d.risk, reason: mergeReasons(reasons), changes: d.changes, inventory: d.inventory };
    if (d.review) action.review = true;
    return action;
  });
}

/** `<var> changed: <why>` — the form variable reasons take (map-vars.ts). */
const VAR_REASON = /^([A-Za-z0-9_.-]+) changed: (.*)$/s;

/**
 * The reason of one action that converges several changes: each distinct reason once, in order,
 * and variables that share one explanation listed together (`node_tune, node_etc_hosts changed: …`)
 * instead of the explanation repeated for each.
 */
export function mergeReasons(reasons: readonly string[]): string {
  const out: { vars: string[]; why: string | undefined; text: string }[] = [];
  for (const reason of reasons) {
    const match = VAR_REASON.exec(reason);
    const name = match?.[1];
    const why = match?.[2];
    if (name !== undefined && why !== undefined) {
      const same = out.find((o) => o.why === why);
      if (same !== undefined) {
        if (!same.vars.includes(name)) same.vars.push(name);
        continue;
      }
      out.push({ vars: [name], why, text: reason });
    } else if (!out.some((o) => o.why === undefined && o.text === reason)) {
      out.push({ vars: [], why: undefined, text: reason });
    }
  }
  return out.map((o) => (o.why === undefined ? o.text : `${o.vars.join(', ')} changed: ${o.why}`)).join('; ');
}
