import type { JsonPath } from '../inventory/json-path.js';
import type { Finding } from './finding.js';
import { SCHEMA_CODES } from './schema-error-findings.js';
import { closestName } from './schema-suggest.js';

const GROUP_KEYS = new Set(['hosts', 'vars', 'children']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Warnings for names the schema does not know: parameters (`SCH010`) in all.vars, group vars and
 * host vars, and keys Ansible ignores in a group (`SCH012`). Inventories carry custom vars, so
 * these are never errors.
 */
export function findUnknownKeys(document: unknown, known: ReadonlyMap<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const messages = new Map<string, string>();
  const messageFor = (name: string): string => {
    let message = messages.get(name);
    if (message === undefined) {
      const near = closestName(name, known.keys());
      message = `unknown parameter '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`;
      messages.set(name, message);
    }
    return message;
  };
  const vars = (value: unknown, path: JsonPath): void => {
    if (!isRecord(value)) return;
    for (const name of Object.keys(value)) {
      if (!known.has(name)) findings.push({ code: SCHEMA_CODES.unknownParameter, severity: 'warning', path: [...path, name], message: messageFor(name) });
    }
  };
  const group = (value: unknown, path: JsonPath): void => {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (!GROUP_KEYS.has(key)) findings.push({ code: SCHEMA_CODES.unknownKey, severity: 'warning', path: [...path, key], message: `unknown key '${key}' in group ${String(path[path.length - 1])} (Ansible ignores it; expected hosts, vars or children)` });
    }
    vars(value['vars'], [...path, 'vars']);
    const hosts = value['hosts'];
    if (isRecord(hosts)) for (const host of Object.keys(hosts)) vars(hosts[host], [...path, 'hosts', host]);
    const children = value['children'];
    if (isRecord(children)) for (const name of Object.keys(children)) group(children[name], [...path, 'children', name]);
  };
  if (!isRecord(document)) return findings;
  for (const key of Object.keys(document)) {
    if (key !== 'all') findings.push({ code: SCHEMA_CODES.unknownKey, severity: 'warning', path: [key], message: `unknown top-level key '${key}' (Pigsty reads only 'all')` });
  }
  group(document['all'], ['all']);
  return findings;
}
