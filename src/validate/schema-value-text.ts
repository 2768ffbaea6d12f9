/**
 * Short, human descriptions of values and JSON types for schema messages.
 * Secret values are described by their type only.
 */
const MAX_SHOWN = 40;

export function describeValue(value: unknown, secret: boolean): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (typeof value === 'string') {
    if (secret) return 'a string (value hidden)';
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return secret ? 'a number (value hidden)' : `number ${value}`;
  if (typeof value === 'boolean') return secret ? 'a boolean (value hidden)' : `boolean ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date) return 'a date (quote it to make it a string)';
  return 'a mapping';
}

/** A scalar shown as it would be written in YAML, for enum messages. */
export function showScalar(value: unknown, secret: boolean): string {
  if (secret) return '(value hidden)';
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeValue(value, false);
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true/false)',
  object: 'a mapping',
  array: 'a list',
  null: 'empty (null)',
};

/** `"integer"` → `an integer`; `["string","object"]` → `a string or a mapping`. */
export function describeTypes(types: unknown): string {
  const list = Array.isArray(types) ? types : String(types).split(',');
  return list.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}
