import type { YamlValue } from '../inventory/model.js';

/** Deep equality of loaded YAML values; object key order does not matter, list order does. */
export function sameValue(a: YamlValue | undefined, b: YamlValue | undefined): boolean {
  return sameModel(a, b);
}

/**
 * Deep equality of model objects (clusters, instances…: plain objects, arrays and scalars, with
 * `undefined` for absent fields). Object key order does not matter, list order does.
 */
export function sameModel(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameModel(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key)) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameModel(x[key], y[key])) return false;
  }
  for (const key in y) if (Object.prototype.hasOwnProperty.call(y, key)) count--;
  return count === 0;
}
