import type { Diagnostic } from '../validate/diagnostic.js';
import { changeLocation } from './format-position.js';
import type { RenderContext } from './render-context.js';
import { countRisks } from './risk-summary.js';
import type { Plan } from './types.js';

function diagnosticLine(d: Diagnostic): string {
  const where = d.file !== undefined ? `${d.file}${d.line !== undefined ? `:${d.line}` : ''}${d.column !== undefined ? `:${d.column}` : ''}: ` : '';
  return `  ${where}${d.severity} ${d.code}: ${d.message}`;
}

/** Plain text for terminals: header, ordered commands with risk, notes, changes with positions. */
export function renderText(plan: Plan, ctx: RenderContext): string {
  const lines: string[] = [];
  lines.push(`Plan${plan.env !== undefined ? ` for ${plan.env}` : ''}: ${plan.base.label} → ${plan.target.label}`);
  if (plan.diagnostics.length > 0) {
    lines.push('', 'Diagnostics:');
    for (const d of plan.diagnostics) lines.push(diagnosticLine(d));
  }
  if (!plan.valid) {
    lines.push('', 'The target is invalid: no action is planned.');
    return ctx.scrub(`${lines.join('\n')}\n`);
  }
  const c = countRisks(plan.actions);
  lines.push('', plan.actions.length === 0 ? 'No changes: nothing to do.' : `${plan.actions.length} action(s): ${c.safe} safe, ${c.disruptive} disruptive, ${c.destructive} destructive${c.review > 0 ? `, ${c.review} to review by hand` : ''}`);
  if (plan.actions.length > 0) {
    lines.push('', 'Commands (run from the Pigsty home on the admin node):');
    for (const a of plan.actions) {
      const flags = [a.risk, ...(a.review === true ? ['REVIEW'] : []), ...(a.inventory === 'base' ? ['base inventory'] : [])].join(', ');
      lines.push(`  ${a.id}  ${a.argv.join(' ')}    [${flags}]`, `        ${a.reason}`);
    }
  }
  if (plan.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of plan.notes) lines.push(`  - ${n}`);
  }
  if (plan.changes.length > 0) {
    lines.push('', `Changes (${plan.changes.length}):`);
    for (const ch of plan.changes) {
      const sign = ch.op === 'add' ? '+' : ch.op === 'remove' ? '-' : '~';
      lines.push(`  ${sign} ${ch.summary}${changeLocation(ch) !== '' ? `  (${changeLocation(ch)})` : ''}`);
    }
  }
  return ctx.scrub(`${lines.join('\n')}\n`);
}
