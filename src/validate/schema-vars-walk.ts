import type { JsonPath } from '../inventory/json-path.js';
import type { Finding } from './finding.js';
import { SCHEMA_CODES } from './schema-error-findings.js';

const GROUP_KEYS = new Set(['hosts', 'vars', 'children']);
/** Parameters whose value maps instance ports to further parameter sets (`{port: ins_vars}`). */
const NESTED_VARS = ['pg_instances'];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Visits every parameter set of an inventory (all.vars, all.hosts.*, group vars, host vars, nested
 * groups, pg_instances entries) and returns warnings (`SCH012`) for keys Ansible ignores in a
 * group or at the top level.
 */
export function walkParameterSets(document: unknown, visit: (vars: Record<string, unknown>, path: JsonPath) => void): Finding[] {
  const warnings: Finding[] = [];
  const vars = (value: unknown, path: JsonPath): void => {
    if (!isRecord(value)) return;
    visit(value, path);
    for (const name of NESTED_VARS) {
      const nested = value[name];
      if (isRecord(nested)) for (const key of Object.keys(nested)) vars(nested[key], [...path, name, key]);
    }
  };
  const group = (value: unknown, path: JsonPath): void => {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (!GROUP_KEYS.has(key)) {
        warnings.push({ code: SCHEMA_CODES.unknownKey, severity: 'warning', path: [...path, key], message: `unknown key '${key}' in group ${String(path[path.length - 1])} (Ansible ignores it; expected hosts, vars or children)` });
      }
    }
    vars(value['vars'], [...path, 'vars']);
    const hosts = value['hosts'];
    if (isRecord(hosts)) for (const host of Object.keys(hosts)) vars(hosts[host], [...path, 'hosts', host]);
    const children = value['children'];
    if (isRecord(children)) for (const name of Object.keys(children)) group(children[name], [...path, 'children', name]);
  };
  if (!isRecord(document)) return warnings;
  for (const key of Object.keys(document)) {
    if (key !== 'all') warnings.push({ code: SCHEMA_CODES.unknownKey, severity: 'warning', path: [key], message: `unknown top-level key '${key}' (Pigsty reads only 'all')` });
  }
  group(document['all'], ['all']);
  return warnings;
}
