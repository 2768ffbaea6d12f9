import type { Inventory } from '../inventory/model.js';
import type { Finding } from './finding.js';

/** A semantic check over the typed inventory. Pure: never throws for bad content, never does I/O. */
export interface Rule {
  /** Stable codes this rule can report (documented in docs/rules.md). */
  readonly codes: readonly string[];
  readonly title: string;
  check(inventory: Inventory): Finding[];
}
