import type { Inventory } from '../inventory/model.js';

/** Names of the groups that define a module cluster (pgsql, redis, etcd, minio, infra). */
export function moduleGroups(inv: Inventory | undefined): Set<string> {
  const out = new Set<string>();
  if (inv === undefined) return out;
  for (const map of [inv.pgClusters, inv.redisClusters, inv.etcdClusters, inv.minioClusters, inv.infraGroups]) {
    for (const c of map.values()) out.add(c.group);
  }
  return out;
}
