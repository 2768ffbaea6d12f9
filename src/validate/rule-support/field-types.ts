import type { YamlValue } from '../../inventory/model.js';
import { isInteger, isMap } from './values.js';

/** Field types as Pigsty's `bin/validate` names them, plus `port` and alternatives. */
export type FieldType = 'str' | 'int' | 'bool' | 'list' | 'dict' | 'date' | 'str[]' | 'dict[]' | 'port' | { enum: readonly string[] } | readonly FieldType[];

export function matchesType(value: YamlValue, type: FieldType): boolean {
  if (Array.isArray(type)) return type.some((t: FieldType) => matchesType(value, t));
  if (typeof type === 'object' && 'enum' in type) return typeof value === 'string' && type.enum.includes(value);
  switch (type) {
    case 'str': return typeof value === 'string';
    case 'int': return isInteger(value);
    case 'bool': return typeof value === 'boolean';
    case 'list': return Array.isArray(value);
    case 'dict': return isMap(value);
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'str[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'dict[]': return Array.isArray(value) && value.every((v) => isMap(v));
    case 'port': return isInteger(value) && value >= 1 && value <= 65535;
    default: return false;
  }
}

export function describeType(type: FieldType): string {
  if (Array.isArray(type)) return type.map((t: FieldType) => describeType(t)).join(' or ');
  if (typeof type === 'object' && 'enum' in type) return `one of ${type.enum.join(', ')}`;
  switch (type) {
    case 'str': return 'a string';
    case 'int': return 'an integer';
    case 'bool': return 'a boolean';
    case 'list': return 'a list';
    case 'dict': return 'a map';
    case 'date': return 'a date YYYY-MM-DD';
    case 'str[]': return 'a list of strings';
    case 'dict[]': return 'a list of maps';
    case 'port': return 'a port 1..65535';
    default: return 'valid';
  }
}
