import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { error } from '../rule-support/findings.js';
import { rawGroups, type RawGroup } from '../rule-support/groups.js';
import { isMap } from '../rule-support/values.js';

const MODULE_KEYS = [
  ['pgsql', 'pg_cluster'],
  ['redis', 'redis_cluster'],
  ['etcd', 'etcd_cluster'],
  ['minio', 'minio_cluster'],
] as const;

/**
 * A host belongs to at most one cluster per module (GRP003): one pgsql cluster, one redis
 * cluster, one etcd cluster, one minio cluster, one infra group. The cluster of a host is its
 * own `pg_cluster` (Citus groups set it per host) or its group's.
 */
export const moduleMembershipRule: Rule = {
  codes: ['GRP003'],
  title: 'a host is in at most one cluster per module',
  check(inventory) {
    // module -> host -> cluster name -> first group where the host joins it (paths built on report)
    const seen = new Map<string, Map<string, Map<string, RawGroup>>>();
    const add = (module: string, ip: string, cluster: string, group: RawGroup): void => {
      let hosts = seen.get(module);
      if (!hosts) seen.set(module, (hosts = new Map()));
      let clusters = hosts.get(ip);
      if (!clusters) hosts.set(ip, (clusters = new Map()));
      if (!clusters.has(cluster)) clusters.set(cluster, group);
    };
    for (const group of rawGroups(inventory)) {
      const value = group.value;
      if (!isMap(value) || !isMap(value.hosts)) continue;
      const groupVars = isMap(value.vars) ? value.vars : {};
      const hosts = value.hosts;
      for (const ip of Object.keys(hosts)) {
        const hostVars = hosts[ip];
        const vars = isMap(hostVars) ? hostVars : {};
        if (group.name === 'infra') add('infra', ip, 'infra', group);
        for (const [module, key] of MODULE_KEYS) {
          const cluster = vars[key] ?? groupVars[key];
          if (typeof cluster === 'string' || typeof cluster === 'number') add(module, ip, String(cluster), group);
        }
      }
    }
    const out: Finding[] = [];
    for (const [module, hosts] of seen) {
      for (const [ip, clusters] of hosts) {
        if (clusters.size < 2) continue;
        const groups = [...clusters.values()];
        const at = groups[1] ?? groups[0];
        out.push(error('GRP003', `host ${ip} belongs to several ${module} clusters: ${[...clusters.keys()].join(', ')}`, at === undefined ? [] : [...at.path, 'hosts', ip]));
      }
    }
    return out;
  },
};
