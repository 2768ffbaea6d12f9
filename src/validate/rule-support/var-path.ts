import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory } from '../../inventory/model.js';
import { isMap } from './values.js';

/**
 * Where the effective value of `key` for a host in a group comes from: the host entry,
 * the group's vars, or all.vars — the first that defines it; the host entry when none does.
 * `hostPath` is the host entry's path (`all.children.<g>.hosts.<ip>`).
 */
export function varPath(inventory: Inventory, hostPath: JsonPath, key: string): JsonPath {
  return definingPath(inventory, hostPath, key) ?? hostPath;
}

/** Like `varPath`, but `undefined` when no scope defines `key` for the host. */
export function definingPath(inventory: Inventory, hostPath: JsonPath, key: string): JsonPath | undefined {
  const doc: unknown = inventory.source.document;
  const hostEntry = valueAt(doc, hostPath);
  if (isMap(hostEntry) && key in hostEntry) return [...hostPath, key];
  if (hostPath.length >= 2 && hostPath[hostPath.length - 2] === 'hosts') {
    const groupPath = hostPath.slice(0, -2);
    const groupVars = valueAt(doc, [...groupPath, 'vars']);
    if (isMap(groupVars) && key in groupVars) return [...groupPath, 'vars', key];
  }
  const globalVars = valueAt(doc, ['all', 'vars']);
  if (isMap(globalVars) && key in globalVars) return ['all', 'vars', key];
  return undefined;
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const part of path) {
    if (typeof part === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[part];
    } else {
      if (!isMap(node)) return undefined;
      node = node[part];
    }
  }
  return node;
}
