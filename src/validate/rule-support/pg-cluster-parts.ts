import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory, PgInstance } from '../../inventory/model.js';
import { perInventory } from './per-inventory.js';

/** The instances of one Postgres cluster, as Pigsty sees it (its `pg_cluster`). */
export interface PgClusterPart {
  name: string;
  instances: PgInstance[];
  path: JsonPath;
}

/**
 * Postgres clusters split by each instance's own `pg_cluster`: a Citus group (`pg-citus`) lists
 * several clusters in one inventory group and sets `pg_cluster` per host, so seq, role and
 * primary checks must run per `pg_cluster`, not per group. Linear in the instances.
 */
export const pgClusterParts: (inventory: Inventory) => readonly PgClusterPart[] = perInventory(splitClusters);

function splitClusters(inventory: Inventory): PgClusterPart[] {
  const out: PgClusterPart[] = [];
  for (const cluster of inventory.pgClusters.values()) {
    const parts = new Map<string, PgClusterPart>();
    for (const instance of cluster.instances) {
      const own = instance.vars.pg_cluster;
      const name = typeof own === 'string' && own !== '' ? own : cluster.name;
      let part = parts.get(name);
      if (!part) parts.set(name, (part = { name, instances: [], path: cluster.path }));
      part.instances.push(instance);
    }
    if (parts.size === 0) out.push({ name: cluster.name, instances: [], path: cluster.path });
    out.push(...parts.values());
  }
  return out;
}
