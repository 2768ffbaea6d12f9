/** Small lenient readers shared by the model builders: wrong types become `undefined`. */
import { isMapping } from './document-shape.js';
import type { JsonPath } from './json-path.js';
import type { Group, Host, Vars, YamlValue } from './model.js';

export function str(value: YamlValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An integer, or a string holding only an integer (Ansible templating often yields strings). */
export function int(value: YamlValue | undefined): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) return Number(value);
  return undefined;
}

/** Text of a name-like field: strings as they are, numbers as text, anything else ''. */
export function nameOf(value: YamlValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

export function varsOf(value: YamlValue | undefined): Vars {
  return isMapping(value) ? value : {};
}

/**
 * The value of a cluster-defining key (`pg_cluster`, `redis_cluster`…) for a group: from its
 * group vars, else from the host vars of its hosts (some inventories put it on the host).
 */
export function clusterKeyOf(group: Group, hosts: Map<string, Host>, key: string): { value: YamlValue; path: JsonPath } | undefined {
  const fromGroup = group.vars[key];
  if (fromGroup !== undefined && fromGroup !== null) return { value: fromGroup, path: [...group.path, 'vars', key] };
  for (const ip of group.hosts) {
    const fromHost = hosts.get(ip)?.vars[key];
    if (fromHost !== undefined && fromHost !== null) return { value: fromHost, path: [...group.path, 'hosts', ip, key] };
  }
  return undefined;
}

/** A list-valued cluster setting: from the group vars when set there, else from all.vars. */
export function listSetting(group: Group, globalVars: Vars, key: string): { items: YamlValue[]; path: JsonPath } | undefined {
  if (Array.isArray(group.vars[key])) return { items: group.vars[key], path: [...group.path, 'vars', key] };
  const global = globalVars[key];
  if (Array.isArray(global)) return { items: global, path: ['all', 'vars', key] };
  return undefined;
}

/** A model of each mapping item of a list, from its spec, index and path (non-mapping items are left to the validator). */
export function mappingItems<T>(list: { items: YamlValue[]; path: JsonPath } | undefined, make: (spec: Vars, index: number, path: JsonPath) => T): T[] {
  if (list === undefined) return [];
  const out: T[] = [];
  const { items } = list;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (isMapping(item)) out.push(make(item, index, [...list.path, index]));
  }
  return out;
}
