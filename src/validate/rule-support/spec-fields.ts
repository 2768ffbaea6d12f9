import type { JsonPath } from '../../inventory/json-path.js';
import type { Vars } from '../../inventory/model.js';
import type { Finding } from '../finding.js';
import { describeType, matchesType, type FieldType } from './field-types.js';
import { error, warning } from './findings.js';
import { kindOf } from './values.js';

/**
 * Checks the fields of one list entry (a user, a database, a service, an hba rule) into `out`:
 * a known field with the wrong type is an error (`typeCode`), an unknown field a warning
 * (`unknownCode`); fields in `skip` are the rule's own to check. Messages name the field and
 * the expected type, never the value.
 */
export function checkFields(
  out: Finding[],
  item: EntryRef,
  fields: Readonly<Record<string, FieldType>>,
  typeCode: string,
  unknownCode: string,
  skip?: ReadonlySet<string>,
): void {
  const entry = item.entry;
  for (const key of Object.keys(entry)) {
    if (skip?.has(key) === true) continue;
    const value = entry[key] ?? null;
    const type = fields[key];
    if (type === undefined) out.push(warning(unknownCode, `${item.label} has an unknown field ${key}`, item.at(key)));
    else if (!matchesType(value, type)) out.push(error(typeCode, `${item.label}: ${key} should be ${describeType(type)}, got ${kindOf(value)}`, item.at(key)));
  }
}

/** What checkFields needs of an entry (a `ListEntry`): its fields, and its label and paths on demand. */
export interface EntryRef {
  entry: Vars;
  label: string;
  at(field: string): JsonPath;
}

/** `pg_users[2] (dbuser_meta) in group pg-meta`: how a list entry is named in messages. */
export function entryLabel(listKey: string, index: number, name: unknown, scopeLabel: string): string {
  const named = typeof name === 'string' && name !== '' ? ` (${name})` : '';
  return `${listKey}[${index}]${named} in ${scopeLabel}`;
}
