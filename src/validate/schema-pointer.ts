import type { JsonPath } from '../inventory/json-path.js';

/** A JsonPath as a JSON Pointer (`/all/children/pg-test/vars`), the form ajv uses for instancePath. */
export function pathToPointer(path: JsonPath): string {
  let out = '';
  for (const part of path) out += `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return out;
}
