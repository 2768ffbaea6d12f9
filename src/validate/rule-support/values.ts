import type { Vars } from '../../inventory/model.js';

export function isMap(value: unknown): value is Vars {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** What a value is, for "should be X, got Y" messages. Never shows the value itself. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}

/** A short printable form of a non-secret value (names, ports, addresses) for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? JSON.stringify(`${value.slice(0, 57)}...`) : value === '' || /[\s,'"]/.test(value) ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return kindOf(value);
}

/** `two`, `three`… for counts in messages ("two primaries"), digits above nine. */
export function countWord(count: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return words[count] ?? String(count);
}

/** Groups items by key in one pass; keys in first-seen order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K | undefined): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
