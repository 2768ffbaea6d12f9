import type { Diagnostic } from '../validate/diagnostic.js';
import { changeLocation } from './format-position.js';
import type { RenderContext } from './render-context.js';
import { countRisks } from './risk-summary.js';
import type { Change, FieldChange, Plan } from './types.js';
import { redactedYamlDiff } from './yaml-diff.js';

/** GitHub's limit for an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
const RISK_ICON = { safe: '🟢', disruptive: '🟠', destructive: '🔴' } as const;

/** Text inside HTML/markdown: no tag, no table break, no code span. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/`/g, "'");
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fence(body: string, lang = ''): { open: string; close: string } {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return { open: `${f}${lang}`, close: f };
}

function diagnosticLine(d: Diagnostic): string {
  const where = d.file !== undefined ? `\`${esc(`${d.file}${d.line !== undefined ? `:${d.line}` : ''}${d.column !== undefined ? `:${d.column}` : ''}`)}\` ` : '';
  return `- ${where}**${d.severity} ${esc(d.code)}**: ${esc(d.message)}`;
}

function fieldRow(f: FieldChange): string {
  const show = (v: string | undefined, present: boolean): string => (f.secret === true ? (present ? '*(secret)*' : '') : v === undefined ? '' : `\`${esc(v)}\``);
  return `| ${esc(f.field)} | ${f.op} | ${show(f.before, f.op !== 'add')} | ${show(f.after, f.op !== 'remove')} |`;
}

function changeBlock(c: Change): string[] {
  const sign = c.op === 'add' ? '➕' : c.op === 'remove' ? '➖' : '✏️';
  const lines = [`- ${sign} ${esc(c.summary)}${changeLocation(c) !== '' ? ` — \`${esc(changeLocation(c))}\`` : ''}`];
  if (c.note !== undefined) lines.push(`  - ℹ️ ${esc(c.note)}`);
  return lines;
}

/** Sections in priority order; each is whole lines so truncation never breaks markup. */
interface Section {
  lines: string[];
  /** Closing lines appended if the section is cut (an open fence or details element). */
  close: string[];
}

/**
 * Markdown for a pull-request comment: summary (environment, base → target, counts by risk),
 * the ordered commands, notes, collapsible per-entity details and the redacted YAML diff. Fits
 * `maxLength` (GitHub's 65,536 characters), cutting at a line and pointing to the full plan.
 */
export function renderMarkdown(plan: Plan, ctx: RenderContext): string {
  const limit = ctx.maxLength ?? GITHUB_COMMENT_LIMIT;
  const sections: Section[] = [];
  const c = countRisks(plan.actions);
  const head = [
    `### Pigsty plan${plan.env !== undefined ? ` for \`${esc(plan.env)}\`` : ''}`,
    '',
    `**${esc(plan.base.label)}** → **${esc(plan.target.label)}**`,
    '',
  ];
  if (!plan.valid) {
    head.push('❌ **The target inventory is invalid: no action is planned.**', '');
  } else if (plan.actions.length === 0) {
    head.push(plan.changes.length === 0 ? '✅ No changes: nothing to do.' : `✅ ${plan.changes.length} change(s), no command to run.`, '');
  } else {
    head.push(
      `| actions | ${RISK_ICON.safe} safe | ${RISK_ICON.disruptive} disruptive | ${RISK_ICON.destructive} destructive | 👀 review by hand |`,
      '|---:|---:|---:|---:|---:|',
      `| ${plan.actions.length} | ${c.safe} | ${c.disruptive} | ${c.destructive} | ${c.review} |`,
      '',
    );
    if (c.destructive > 0) head.push(`> [!CAUTION]\n> ${c.destructive} destructive action(s): apply runs them only with an explicit opt-in.`, '');
  }
  sections.push({ lines: head, close: [] });
  if (plan.diagnostics.length > 0) sections.push({ lines: ['#### Diagnostics', '', ...plan.diagnostics.map(diagnosticLine), ''], close: [] });
  if (plan.actions.length > 0) {
    const body = plan.actions.map((a) => `${a.argv.join(' ')}   # ${a.id} ${a.risk}${a.review === true ? ' REVIEW' : ''}${a.inventory === 'base' ? ' (base inventory)' : ''}`);
    const f = fence(body.join('\n'), 'bash');
    sections.push({ lines: ['#### Commands (in order, from the Pigsty home on the admin node)', '', f.open, ...body], close: [f.close, ''] });
    sections.push({ lines: ['<details><summary>Why each command</summary>', '', ...plan.actions.map((a) => `- **${a.id}** ${RISK_ICON[a.risk]} \`${esc(a.argv.join(' '))}\` — ${esc(a.reason)}`), ''], close: ['</details>', ''] });
  }
  if (plan.notes.length > 0) sections.push({ lines: ['#### Notes', '', ...plan.notes.map((n) => `- ${esc(n)}`), ''], close: [] });
  // Per-entity details, one collapsible block per scope.
  const groups = new Map<string, Change[]>();
  for (const ch of plan.changes) {
    const key = ch.scope?.split('/')[0] ?? (ch.entity === 'global.var' ? 'global vars' : ch.entity === 'node' ? 'nodes' : ch.name);
    groups.set(key, [...(groups.get(key) ?? []), ch]);
  }
  for (const [scope, list] of groups) {
    const lines = [`<details><summary><b>${esc(scope)}</b> — ${list.length} change(s)</summary>`, ''];
    for (const ch of list) lines.push(...changeBlock(ch));
    const fields = list.flatMap((ch) => ch.fields.map((f) => ({ ...f, field: f.field === ch.name ? f.field : `${ch.name}.${f.field}` })));
    if (fields.length > 0) lines.push('', '| field | change | before | after |', '|---|---|---|---|', ...fields.map(fieldRow));
    lines.push('');
    sections.push({ lines, close: ['</details>', ''] });
  }
  if (ctx.targetSource !== undefined && plan.changes.length > 0) {
    const diff = redactedYamlDiff(ctx.baseSource, ctx.targetSource, ctx.scrub);
    if (diff !== '') {
      const f = fence(diff, 'diff');
      sections.push({ lines: ['<details><summary>Inventory diff (secrets redacted)</summary>', '', f.open, ...diff.split('\n')], close: [f.close, '', '</details>', ''] });
    }
  }
  return fit(sections.map((s) => ({ lines: s.lines.map(ctx.scrub), close: s.close })), limit, ctx.fullPlanPointer);
}

function fit(sections: Section[], limit: number, pointer: string | undefined): string {
  const size = (lines: string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);
  const full = sections.flatMap((s) => [...s.lines, ...s.close]);
  if (size(full) <= limit) return full.join('\n');
  const out: string[] = [];
  let omitted = 0;
  let cut = false;
  const tail = (n: number): string[] => ['', `> [!WARNING]\n> Plan truncated to fit a GitHub comment: ${n} line(s) omitted. The full plan: ${pointer !== undefined ? esc(pointer) : '`pigsty-gitops plan --format text`'}.`];
  const reserve = size(tail(9_999_999)) + 16;
  for (const s of sections) {
    if (cut) {
      omitted += s.lines.length;
      continue;
    }
    if (size(out) + size(s.lines) + size(s.close) + reserve <= limit) {
      out.push(...s.lines, ...s.close);
      continue;
    }
    cut = true;
    let i = 0;
    while (i < s.lines.length && size(out) + size([s.lines[i] ?? '']) + size(s.close) + reserve <= limit) out.push(s.lines[i++] ?? '');
    if (i > 0) out.push(...s.close);
    omitted += s.lines.length - i;
  }
  return [...out, ...tail(omitted)].join('\n');
}
