import type { Diagnostic } from '../validate/diagnostic.js';

/** The outcome of validating one inventory argument, as the validate command reports it. */
export interface ValidationReport {
  /** Display path of the inventory (`environments/prod`, `abc1234:environments/prod/pigsty.yml`). */
  path: string;
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** JSON shape of `validate --format json`. */
export interface ValidationJson {
  results: { path: string; valid: boolean; errors: Diagnostic[]; warnings: Diagnostic[] }[];
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** Colours only on a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org). */
export function useColor(isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  const noColor = env['NO_COLOR'];
  return isTty && (noColor === undefined || noColor === '');
}

/**
 * One diagnostic the way compilers print them:
 * `environments/prod/pigsty.yml:42:9 error PG003 two primaries in pg-test: …`.
 * Without a position: `FILE: error CODE message (at JSON.path)`.
 */
export function formatDiagnosticLine(d: Diagnostic, fallbackFile: string, color: boolean): string {
  const file = d.file ?? fallbackFile;
  const where = d.line === undefined ? `${file}:` : `${file}:${d.line}:${d.column ?? 1}`;
  const severity = color ? `${d.severity === 'error' ? RED : YELLOW}${BOLD}${d.severity}${RESET}` : d.severity;
  const at = d.line === undefined && d.path !== '' ? ` (at ${d.path})` : '';
  return `${where} ${severity} ${d.code} ${d.message}${at}`;
}

/** Errors first, then warnings; otherwise the validator's order (file by file, by position). Stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort((a, b) => rank(a) - rank(b));
}

/** `environments/prod: ok (0 errors, 2 warnings)` or `… : invalid (3 errors, 1 warning)`. */
export function formatSummaryLine(report: ValidationReport, color: boolean): string {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const verdict = report.valid ? 'ok' : 'invalid';
  const shown = color ? `${report.valid ? GREEN : RED}${BOLD}${verdict}${RESET}` : verdict;
  return `${report.path}: ${shown} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

/** The whole text report: every diagnostic line of an inventory, then its summary line. */
export function formatTextReport(reports: readonly ValidationReport[], color: boolean): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of sortDiagnostics(report.diagnostics)) lines.push(formatDiagnosticLine(d, report.path, color));
    lines.push(formatSummaryLine(report, color));
  }
  return lines.map((line) => `${line}\n`).join('');
}

export function toValidationJson(reports: readonly ValidationReport[]): ValidationJson {
  return {
    results: reports.map((r) => {
      const sorted = sortDiagnostics(r.diagnostics);
      return {
        path: r.path,
        valid: r.valid,
        errors: sorted.filter((d) => d.severity === 'error'),
        warnings: sorted.filter((d) => d.severity === 'warning'),
      };
    }),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
