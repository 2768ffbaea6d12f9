import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory, Vars } from '../../inventory/model.js';
import { perInventory } from './per-inventory.js';
import { isMap } from './values.js';

/** One place in the document where variables are defined: all.vars, a group's vars, or a host entry. */
export interface VarScope {
  readonly kind: 'global' | 'group' | 'host';
  /** For messages: `all.vars`, `group pg-test`, `host 10.10.10.11 in pg-test`. */
  readonly label: string;
  readonly group: string | undefined;
  readonly host: string | undefined;
  readonly vars: Vars;
  readonly path: JsonPath;
}

/**
 * Every variable scope of the merged document, each with its own path, so a check of a
 * variable reports the place that defines it (not every host that inherits it). Linear in
 * the number of groups and host entries; nested `children:` are followed.
 */
export const varScopes: (inventory: Inventory) => readonly VarScope[] = perInventory(collectScopes);

function collectScopes(inventory: Inventory): VarScope[] {
  const all: unknown = inventory.source.document.all;
  const out: VarScope[] = [];
  if (!isMap(all)) return out;
  if (isMap(all.vars)) out.push({ kind: 'global', label: 'all.vars', group: undefined, host: undefined, vars: all.vars, path: ['all', 'vars'] });
  addHosts(out, all.hosts, 'all', ['all', 'hosts']);
  addChildren(out, all.children, ['all', 'children'], new Set());
  return out;
}

/**
 * A host entry's scope. Most inventories are thousands of host entries that no rule reports on,
 * so the label and path are built when read.
 */
class HostScope implements VarScope {
  readonly kind = 'host';

  constructor(
    readonly group: string,
    readonly host: string,
    readonly vars: Vars,
    private readonly hostsPath: JsonPath,
  ) {}

  get label(): string {
    return `host ${this.host} in ${this.group}`;
  }

  get path(): JsonPath {
    return [...this.hostsPath, this.host];
  }
}

function addHosts(out: VarScope[], hosts: unknown, group: string, path: JsonPath): void {
  if (!isMap(hosts)) return;
  for (const ip of Object.keys(hosts)) {
    const vars = hosts[ip];
    if (isMap(vars)) out.push(new HostScope(group, ip, vars, path));
  }
}

function addChildren(out: VarScope[], children: unknown, path: JsonPath, seen: Set<unknown>): void {
  if (!isMap(children) || seen.has(children)) return;
  seen.add(children);
  for (const [name, group] of Object.entries(children)) {
    if (!isMap(group)) continue;
    const groupPath = [...path, name];
    if (isMap(group.vars)) out.push({ kind: 'group', label: `group ${name}`, group: name, host: undefined, vars: group.vars, path: [...groupPath, 'vars'] });
    addHosts(out, group.hosts, name, [...groupPath, 'hosts']);
    addChildren(out, group.children, [...groupPath, 'children'], seen);
  }
}
