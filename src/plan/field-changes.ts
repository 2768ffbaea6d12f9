import type { Vars } from '../inventory/model.js';
import { isSecretKey } from '../inventory/secrets.js';
import { displayValue } from './display-value.js';
import { sameValue } from './same-value.js';
import type { FieldChange } from './types.js';

/** Top-level fields that differ between two specs, sorted by name; secret fields carry no value. */
export function fieldChanges(before: Vars | undefined, after: Vars | undefined, ignore: ReadonlySet<string> = new Set()): FieldChange[] {
  const a = before ?? {};
  const b = after ?? {};
  // Only the keys that differ are collected and sorted (most specs compared are unchanged).
  const keys: string[] = [];
  for (const key of Object.keys(a)) if (!ignore.has(key) && !sameValue(a[key], b[key])) keys.push(key);
  for (const key of Object.keys(b)) {
    if (!ignore.has(key) && !Object.prototype.hasOwnProperty.call(a, key) && !sameValue(a[key], b[key])) keys.push(key);
  }
  keys.sort();
  const out: FieldChange[] = [];
  for (const key of keys) {
    const op = a[key] === undefined ? 'add' : b[key] === undefined ? 'remove' : 'modify';
    const change: FieldChange = { field: key, op };
    if (isSecretKey(key)) change.secret = true;
    const was = displayValue(key, a[key]);
    const now = displayValue(key, b[key]);
    if (was !== undefined) change.before = was;
    if (now !== undefined) change.after = now;
    out.push(change);
  }
  return out;
}

/** "password changed", "roles changed, comment changed": names only, never values. */
export function describeFields(fields: readonly FieldChange[]): string {
  const verb = { add: 'added', remove: 'removed', modify: 'changed' } as const;
  return fields.map((f) => `${f.field} ${verb[f.op]}`).join(', ');
}
