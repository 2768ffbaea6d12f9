import type { YamlValue } from '../inventory/model.js';
import { isSecretKey, redactDeep } from '../inventory/secrets.js';
import { canonicalJson } from './canonical-json.js';

const MAX = 80;

/** A short, redacted rendering of a value for change details; `undefined` when the key is secret. */
export function displayValue(key: string, value: YamlValue | undefined): string | undefined {
  if (value === undefined || isSecretKey(key)) return undefined;
  const text = typeof value === 'string' ? value : canonicalJson(redactDeep(value));
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
