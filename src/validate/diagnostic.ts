import type { JsonPath } from '../inventory/json-path.js';

export type Severity = 'error' | 'warning';

/**
 * One finding about an inventory. Validation returns a list of these; it never throws
 * for bad content. `file`, `line`, `column` are 1-based and point at the offending value
 * (or the closest enclosing key that exists) when known.
 */
export interface Diagnostic {
  /** Stable code, e.g. `PG003`. Documented in docs/rules.md. */
  code: string;
  severity: Severity;
  message: string;
  /** JSON path into the merged inventory document, e.g. `all.children.pg-test.hosts["10.10.10.11"].pg_role`. */
  path: string;
  file?: string;
  line?: number;
  column?: number;
}
