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
  return definition(inventory, hostPath, key)?.path;
}

/** Where `key` is defined for the host (as `definingPath`) and the value found there, in one walk. */
export function definition(inventory: Inventory, hostPath: JsonPath, key: string): { path: JsonPath; value: unknown } | undefined {
  const doc: unknown = inventory.source.document;
  const all = isMap(doc) ? doc['all'] : undefined;
  const inGroup = hostPath.length >= 2 && hostPath[hostPath.length - 2] === 'hosts';
  // Rules ask this for every instance and several keys: a host listed under a group
  // (`all.children.<g>.hosts.<ip>`, nearly every call) is found without walking from the root.
  const group = inGroup ? (isChildHostPath(hostPath) ? childGroup(all, hostPath[2]) : valueAt(doc, hostPath.slice(0, -2))) : undefined;
  const hostEntry = group !== undefined ? hostOf(group, hostPath[hostPath.length - 1]) : valueAt(doc, hostPath);
  if (isMap(hostEntry) && key in hostEntry) return { path: [...hostPath, key], value: hostEntry[key] };
  if (inGroup) {
    const groupVars = isMap(group) ? group['vars'] : undefined;
    if (isMap(groupVars) && key in groupVars) return { path: [...hostPath.slice(0, -2), 'vars', key], value: groupVars[key] };
  }
  const globalVars = isMap(all) ? all['vars'] : undefined;
  if (isMap(globalVars) && key in globalVars) return { path: ['all', 'vars', key], value: globalVars[key] };
  return undefined;
}

function isChildHostPath(path: JsonPath): boolean {
  return path.length === 5 && path[0] === 'all' && path[1] === 'children' && typeof path[2] === 'string';
}

function childGroup(all: unknown, name: string | number | undefined): unknown {
  const children = isMap(all) ? all['children'] : undefined;
  return isMap(children) && typeof name === 'string' ? children[name] : undefined;
}

function hostOf(group: unknown, ip: string | number | undefined): unknown {
  const hosts = isMap(group) ? group['hosts'] : undefined;
  return isMap(hosts) && typeof ip === 'string' ? hosts[ip] : undefined;
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
