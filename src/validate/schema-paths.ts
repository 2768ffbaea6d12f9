import type { JsonPath } from '../inventory/json-path.js';

/**
 * Turns an ajv instancePath (JSON Pointer) into a JsonPath, walking the document so that array
 * positions become numbers and keys stay strings (host keys like `10.10.10.11` or redis ports
 * like `6379` are keys, not indexes).
 */
export function pointerToPath(document: unknown, pointer: string): JsonPath {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      out.push(index);
      node = node[index];
    } else {
      out.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

/**
 * Where the parameter name sits in a path into the inventory: `all.vars.<p>`, `…hosts.<ip>.<p>`,
 * `…children.<g>.vars.<p>`. Returns -1 when the path does not reach a parameter.
 */
export function parameterIndex(path: JsonPath): number {
  if (path[0] !== 'all') return -1;
  let i = 1;
  while (i < path.length) {
    const part = path[i];
    if (part === 'vars') return i + 1 < path.length ? i + 1 : -1;
    if (part === 'hosts') return i + 2 < path.length ? i + 2 : -1;
    if (part === 'children') {
      i += 2;
      continue;
    }
    return -1;
  }
  return -1;
}
