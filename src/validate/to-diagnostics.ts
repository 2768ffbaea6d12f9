import { formatJsonPath } from '../inventory/json-path.js';
import type { LoadedInventory } from '../inventory/model.js';
import type { Diagnostic } from './diagnostic.js';
import type { Finding } from './finding.js';

/** Attaches file:line:column to each finding by locating its path in the inventory's source files. */
export function findingsToDiagnostics(findings: readonly Finding[], loaded: LoadedInventory): Diagnostic[] {
  return findings.map((finding) => {
    const diagnostic: Diagnostic = { code: finding.code, severity: finding.severity, message: finding.message, path: formatJsonPath(finding.path) };
    const at = loaded.locate(finding.path);
    if (at !== undefined) {
      diagnostic.file = at.file;
      diagnostic.line = at.line;
      diagnostic.column = at.column;
    }
    return diagnostic;
  });
}

/**
 * Drops exact repeats (same code, place and message) and orders diagnostics by file (in the
 * order the inventory's files were read, others after by name), line, column, then errors
 * before warnings, then code.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.file ?? ''}\u0000${d.line ?? 0}\u0000${d.column ?? 0}\u0000${d.path}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = new Map(fileOrder.map((file, index) => [file, index]));
  const fileRank = (file: string | undefined): number => (file === undefined ? Number.MAX_SAFE_INTEGER : (rank.get(file) ?? fileOrder.length));
  return unique.sort(
    (a, b) =>
      fileRank(a.file) - fileRank(b.file) ||
      byCodePoint(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      byCodePoint(a.code, b.code) ||
      byCodePoint(a.message, b.message),
  );
}

/**
 * Code-point order: the same on every machine whatever its locale, and without localeCompare's
 * first call, which loads ICU's collator (~5 ms of a CLI run that reports a handful of warnings).
 */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
