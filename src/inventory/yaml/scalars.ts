/**
 * Plain-scalar resolution exactly as PyYAML's SafeLoader does it (YAML 1.1), which is what
 * Ansible sees when it reads an inventory:
 *  - booleans: yes/no/on/off/true/false in lower, Capitalised and UPPER case only (`y`, `n`, `yES` stay strings);
 *  - null: `~`, `null`, `Null`, `NULL`, empty;
 *  - ints: decimal, `0b…`, `0…` octal, `0x…`, underscores, sexagesimal (`1:30` = 90); `0o17` is a string;
 *  - floats: need a dot (`1e3` is a string), `.inf`, `.nan`, sexagesimal with a dot;
 *  - timestamps (`2024-01-01`) are kept as their text (the JSON model has no date type).
 */
import type { YamlValue } from '../model.js';

const BOOL_TRUE = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_RE = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function sexagesimal(digits: string): number {
  let value = 0;
  for (const part of digits.split(':')) value = value * 60 + Number(part);
  return value;
}

/** PyYAML construct_yaml_int on text already known to match the int pattern. */
export function constructInt(text: string): number | undefined {
  let s = text.replace(/_/g, '');
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  let value: number;
  if (s === '0') value = 0;
  else if (s.startsWith('0b')) value = parseInt(s.slice(2), 2);
  else if (s.startsWith('0x')) value = parseInt(s.slice(2), 16);
  else if (s.startsWith('0')) value = parseInt(s.slice(1), 8);
  else if (s.includes(':')) value = sexagesimal(s);
  else value = Number(s);
  return Number.isNaN(value) ? undefined : sign * value;
}

/** PyYAML construct_yaml_float on text already known to match the float pattern. */
export function constructFloat(text: string): number | undefined {
  let s = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  const value = s.includes(':') ? sexagesimal(s) : Number(s);
  return Number.isNaN(value) ? undefined : sign * value;
}

/** Resolves a plain (unquoted, untagged) scalar. */
export function resolvePlain(text: string): YamlValue {
  if (text.length === 0) return null;
  const c = text.charCodeAt(0);
  // Fast path: most scalars in an inventory start with a letter that cannot begin a special form.
  if (c === 0x79 || c === 0x59 || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x6f || c === 0x4f) {
    if (text.length <= 5) {
      if (BOOL_TRUE.has(text)) return true;
      if (BOOL_FALSE.has(text)) return false;
      if (NULLS.has(text)) return null;
    }
    return text;
  }
  if (c === 0x7e) return text === '~' ? null : text;
  // digits, sign, dot
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
    if (INT_RE.test(text)) {
      const v = constructInt(text);
      if (v !== undefined) return v;
    } else if (FLOAT_RE.test(text)) {
      const v = constructFloat(text);
      if (v !== undefined) return v;
    }
  }
  return text;
}

/** Value of a plain scalar as a mapping key: strings as they are, other values as their text. */
export function plainKey(text: string): string {
  const value = resolvePlain(text);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return text;
}
