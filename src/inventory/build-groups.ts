/**
 * Groups and hosts of a loaded document, with effective vars resolved the way Ansible does:
 * all.vars < group vars (groups ordered by depth, then by name; later wins) < host vars
 * (a host listed in several groups gets the union of its entries, later entries winning,
 * entries parsed in Ansible's order: a group's children before its own hosts).
 */
import { isMapping } from './document-shape.js';
import type { JsonPath } from './json-path.js';
import type { Group, Host, InventoryDocument, Vars, YamlValue } from './model.js';

export interface GroupGraph {
  globalVars: Vars;
  groups: Map<string, Group>;
  hosts: Map<string, Host>;
  /**
   * One effective variable of a host (same precedence as `Host.effective`) without building the
   * merged map: the model needs a handful of keys per host, the merged map has every global var.
   */
  effectiveVar(ip: string, key: string): YamlValue | undefined;
  /**
   * What a host's effective vars are made of: its own vars (merged over its entries) and the
   * groups whose vars apply, lowest precedence first. Undefined for a host no entry lists.
   */
  hostInputs(ip: string): { vars: Vars; chain: readonly Group[] } | undefined;
}

function varsOf(value: YamlValue | undefined): Vars {
  return isMapping(value) ? value : {};
}

interface GroupInfo {
  group: Group;
  depth: number;
  parents: Set<string>;
}

export function buildGroups(document: InventoryDocument): GroupGraph {
  const all = document.all as { [key: string]: YamlValue } | undefined;
  const globalVars = varsOf(all?.['vars']);
  const info = new Map<string, GroupInfo>();
  const hostVars = new Map<string, Vars>();
  const hostGroups = new Map<string, string[]>();

  const addHosts = (hosts: YamlValue | undefined, groupName: string | undefined): void => {
    if (!isMapping(hosts)) return;
    for (const ip of Object.keys(hosts)) {
      const current = hostVars.get(ip);
      const vars = varsOf(hosts[ip]);
      hostVars.set(ip, current === undefined ? vars : { ...current, ...vars });
      const groups = hostGroups.get(ip);
      if (groups === undefined) hostGroups.set(ip, groupName === undefined ? [] : [groupName]);
      else if (groupName !== undefined && !groups.includes(groupName)) groups.push(groupName);
    }
  };

  const visitChildren = (children: YamlValue | undefined, parent: string | undefined, path: JsonPath, depth: number): void => {
    if (!isMapping(children) || depth > 32) return;
    for (const name of Object.keys(children)) {
      const doc = varsOf(children[name]);
      let entry = info.get(name);
      if (entry === undefined) {
        const group: Group = { name, hosts: [], vars: varsOf(doc['vars']), children: [], path: [...path, name] };
        entry = { group, depth, parents: new Set() };
        info.set(name, entry);
      } else {
        entry.depth = Math.max(entry.depth, depth);
        if (isMapping(doc['vars'])) entry.group.vars = { ...entry.group.vars, ...doc['vars'] };
      }
      if (parent !== undefined) {
        entry.parents.add(parent);
        const p = info.get(parent);
        if (p !== undefined && !p.group.children.includes(name)) p.group.children.push(name);
      }
      const nested = doc['children'];
      if (isMapping(nested)) visitChildren(nested, name, [...path, name, 'children'], depth + 1);
      const hosts = doc['hosts'];
      if (isMapping(hosts)) for (const ip of Object.keys(hosts)) if (!entry.group.hosts.includes(ip)) entry.group.hosts.push(ip);
      addHosts(hosts, name);
    }
  };
  visitChildren(all?.['children'], undefined, ['all', 'children'], 1);
  addHosts(all?.['hosts'], undefined);

  const groups = new Map<string, Group>();
  for (const [name, entry] of info) groups.set(name, entry.group);

  const hosts = new Map<string, Host>();
  const chains = new Map<string, GroupInfo[]>();
  // Hosts in the same groups share one chain (a cluster's members, usually).
  const chainByGroups = new Map<string, GroupInfo[]>();
  for (const [ip, vars] of hostVars) {
    const direct = hostGroups.get(ip) ?? [];
    const groupsKey = direct.length === 1 ? `s${direct[0] ?? ''}` : JSON.stringify(direct);
    let chain = chainByGroups.get(groupsKey);
    if (chain === undefined) {
      chain = precedenceChain(direct, info);
      chainByGroups.set(groupsKey, chain);
    }
    chains.set(ip, chain);
    hosts.set(ip, new LazyHost(ip, direct, vars, globalVars, chain));
  }
  const effectiveVar = (ip: string, key: string): YamlValue | undefined => {
    const vars = hostVars.get(ip);
    if (vars !== undefined && Object.prototype.hasOwnProperty.call(vars, key)) return vars[key];
    const chain = chains.get(ip) ?? [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const groupVars = chain[i]?.group.vars;
      if (groupVars !== undefined && Object.prototype.hasOwnProperty.call(groupVars, key)) return groupVars[key];
    }
    return Object.prototype.hasOwnProperty.call(globalVars, key) ? globalVars[key] : undefined;
  };
  const hostInputs = (ip: string): { vars: Vars; chain: readonly Group[] } | undefined => {
    const vars = hostVars.get(ip);
    return vars === undefined ? undefined : { vars, chain: (chains.get(ip) ?? []).map((entry) => entry.group) };
  };
  return { globalVars, groups, hosts, effectiveVar, hostInputs };
}

/** A host whose `effective` map is merged on first read (most hosts never need it whole). */
class LazyHost implements Host {
  private merged: Vars | undefined;

  constructor(
    readonly ip: string,
    readonly groups: string[],
    readonly vars: Vars,
    private readonly globalVars: Vars,
    private readonly chain: readonly GroupInfo[],
  ) {}

  get effective(): Vars {
    return (this.merged ??= mergeVars(this.globalVars, this.chain, this.vars));
  }
}

function ancestorsOf(direct: string[], info: Map<string, GroupInfo>): GroupInfo[] {
  const seen = new Set<string>();
  const out: GroupInfo[] = [];
  const stack = [...direct];
  while (stack.length > 0) {
    const name = stack.pop();
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    const entry = info.get(name);
    if (entry === undefined) continue;
    out.push(entry);
    stack.push(...entry.parents);
  }
  return out;
}

/** The groups whose vars apply to a host, lowest precedence first (parents before children, then by name). */
function precedenceChain(direct: string[], info: Map<string, GroupInfo>): GroupInfo[] {
  const chain = ancestorsOf(direct, info);
  if (chain.length > 1) {
    chain.sort((a, b) => a.depth - b.depth || (a.group.name < b.group.name ? -1 : a.group.name > b.group.name ? 1 : 0));
  }
  return chain;
}

function mergeVars(globalVars: Vars, chain: readonly GroupInfo[], hostVars: Vars): Vars {
  const out: Vars = Object.assign({}, globalVars);
  for (const entry of chain) Object.assign(out, entry.group.vars);
  return Object.assign(out, hostVars);
}
