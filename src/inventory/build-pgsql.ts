/**
 * Postgres clusters: groups that set `pg_cluster`, with instances, users, databases, services, hba rules, vip.
 * A group usually defines one cluster; a Citus group sets `pg_cluster` per host, so its hosts are
 * partitioned by their effective `pg_cluster` and each part becomes its own cluster.
 */
import { clusterKeyOf, int, listSetting, mappingItems, nameOf, str } from './build-helpers.js';
import type { GroupGraph } from './build-groups.js';
import type { Group, HbaRule, PgCluster, PgDatabase, PgInstance, PgService, PgUser, Vars, YamlValue } from './model.js';

/** A cluster-wide setting: from the first member's effective vars (host, group, all), else group, else all.vars. */
function setting(group: Group, graph: GroupGraph, first: string | undefined, key: string): YamlValue | undefined {
  return (first === undefined ? undefined : graph.effectiveVar(first, key)) ?? group.vars[key] ?? graph.globalVars[key];
}

export function buildPgClusters(group: Group, graph: GroupGraph): PgCluster[] {
  const key = clusterKeyOf(group, graph.hosts, 'pg_cluster');
  if (key === undefined) return [];
  const parts = new Map<string, string[]>();
  for (const ip of group.hosts) {
    const name = nameOf((graph.hosts.has(ip) ? graph.effectiveVar(ip, 'pg_cluster') : undefined) ?? key.value);
    const members = parts.get(name);
    if (members === undefined) parts.set(name, [ip]);
    else members.push(ip);
  }
  if (parts.size === 0) parts.set(nameOf(key.value), []);
  return [...parts].map(([name, ips]) => buildPgCluster(group, graph, name, ips));
}

function buildPgCluster(group: Group, graph: GroupGraph, name: string, ips: string[]): PgCluster {
  const { globalVars } = graph;
  const first = ips[0] !== undefined && graph.hosts.has(ips[0]) ? ips[0] : undefined;
  const instances: PgInstance[] = ips.map((ip) => {
    const host = graph.hosts.get(ip);
    const effective = (key: string): YamlValue | undefined => (host === undefined ? undefined : graph.effectiveVar(ip, key));
    return {
      ip,
      seq: int(effective('pg_seq')),
      role: str(effective('pg_role')),
      upstream: str(effective('pg_upstream')),
      vars: host?.vars ?? {},
      path: [...group.path, 'hosts', ip],
    };
  });
  const users: PgUser[] = mappingItems(listSetting(group, globalVars, 'pg_users'), (spec, index, path) => ({
    name: nameOf(spec['name']),
    state: str(spec['state']),
    spec,
    index,
    path,
  }));
  const databases: PgDatabase[] = mappingItems(listSetting(group, globalVars, 'pg_databases'), (spec, index, path) => ({
    name: nameOf(spec['name']),
    state: str(spec['state']),
    owner: str(spec['owner']),
    spec,
    index,
    path,
  }));
  const services: PgService[] = mappingItems(listSetting(group, globalVars, 'pg_services'), (spec, index, path) => ({
    name: nameOf(spec['name']),
    port: int(spec['port']),
    spec,
    index,
    path,
  }));
  const hbaRules: HbaRule[] = mappingItems(listSetting(group, globalVars, 'pg_hba_rules'), (spec, index, path) => ({ kind: 'pg' as const, spec, index, path }));
  for (const rule of mappingItems(listSetting(group, globalVars, 'pgb_hba_rules'), (spec, index, path) => ({ kind: 'pgb' as const, spec, index, path }))) hbaRules.push(rule);
  const vipEnabled = setting(group, graph, first, 'pg_vip_enabled');
  const vipAddress = setting(group, graph, first, 'pg_vip_address');
  const vipInterface = setting(group, graph, first, 'pg_vip_interface');
  const vip =
    vipEnabled === undefined && vipAddress === undefined && vipInterface === undefined
      ? undefined
      : { enabled: vipEnabled === true, address: str(vipAddress), interface: str(vipInterface) };
  return { name, group: group.name, vars: group.vars, instances, users, databases, services, hbaRules, vip, path: group.path };
}
