/** Postgres clusters: groups that set `pg_cluster`, with instances, users, databases, services, hba rules, vip. */
import { clusterKeyOf, int, listSetting, mappingItems, nameOf, str } from './build-helpers.js';
import type { GroupGraph } from './build-groups.js';
import type { Group, HbaRule, PgCluster, PgDatabase, PgInstance, PgService, PgUser, Vars, YamlValue } from './model.js';

function setting(group: Group, globalVars: Vars, key: string): YamlValue | undefined {
  return group.vars[key] ?? globalVars[key];
}

export function buildPgCluster(group: Group, graph: GroupGraph): PgCluster | undefined {
  const key = clusterKeyOf(group, graph.hosts, 'pg_cluster');
  if (key === undefined) return undefined;
  const { globalVars } = graph;
  const instances: PgInstance[] = group.hosts.map((ip) => {
    const host = graph.hosts.get(ip);
    const effective = host?.effective ?? {};
    return {
      ip,
      seq: int(effective['pg_seq']),
      role: str(effective['pg_role']),
      upstream: str(effective['pg_upstream']),
      vars: host?.vars ?? {},
      path: [...group.path, 'hosts', ip],
    };
  });
  const users: PgUser[] = mappingItems(listSetting(group, globalVars, 'pg_users')).map((i) => ({
    name: nameOf(i.spec['name']),
    state: str(i.spec['state']),
    ...i,
  }));
  const databases: PgDatabase[] = mappingItems(listSetting(group, globalVars, 'pg_databases')).map((i) => ({
    name: nameOf(i.spec['name']),
    state: str(i.spec['state']),
    owner: str(i.spec['owner']),
    ...i,
  }));
  const services: PgService[] = mappingItems(listSetting(group, globalVars, 'pg_services')).map((i) => ({
    name: nameOf(i.spec['name']),
    port: int(i.spec['port']),
    ...i,
  }));
  const hbaRules: HbaRule[] = [
    ...mappingItems(listSetting(group, globalVars, 'pg_hba_rules')).map((i) => ({ kind: 'pg' as const, ...i })),
    ...mappingItems(listSetting(group, globalVars, 'pgb_hba_rules')).map((i) => ({ kind: 'pgb' as const, ...i })),
  ];
  const vipEnabled = setting(group, globalVars, 'pg_vip_enabled');
  const vipAddress = setting(group, globalVars, 'pg_vip_address');
  const vipInterface = setting(group, globalVars, 'pg_vip_interface');
  const vip =
    vipEnabled === undefined && vipAddress === undefined && vipInterface === undefined
      ? undefined
      : { enabled: vipEnabled === true, address: str(vipAddress), interface: str(vipInterface) };
  return { name: nameOf(key.value), group: group.name, vars: group.vars, instances, users, databases, services, hbaRules, vip, path: group.path };
}
