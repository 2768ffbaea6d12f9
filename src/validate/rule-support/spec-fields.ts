import type { JsonPath } from '../../inventory/json-path.js';
import type { Vars } from '../../inventory/model.js';
import type { Finding } from '../finding.js';
import { describeType, matchesType, type FieldType } from './field-types.js';
import { error, warning } from './findings.js';
import { kindOf } from './values.js';

/**
 * Checks the fields of one list entry (a user, a database, a service, an hba rule):
 * a known field with the wrong type is an error (`typeCode`), an unknown field a warning
 * (`unknownCode`). Messages name the field and the expected type, never the value.
 */
export function checkFields(item: Vars, fields: Readonly<Record<string, FieldType>>, path: JsonPath, label: string, typeCode: string, unknownCode: string): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(item)) {
    const value = item[key] ?? null;
    const type = fields[key];
    if (type === undefined) out.push(warning(unknownCode, `${label} has an unknown field ${key}`, [...path, key]));
    else if (!matchesType(value, type)) out.push(error(typeCode, `${label}: ${key} should be ${describeType(type)}, got ${kindOf(value)}`, [...path, key]));
  }
  return out;
}

/** `pg_users[2] (dbuser_meta) in group pg-meta`: how a list entry is named in messages. */
export function entryLabel(listKey: string, index: number, name: unknown, scopeLabel: string): string {
  const named = typeof name === 'string' && name !== '' ? ` (${name})` : '';
  return `${listKey}[${index}]${named} in ${scopeLabel}`;
}
