import type { Inventory } from '../inventory/model.js';
import { isIPv4 } from '../validate/safe-names.js';
import type { Action } from './types.js';

/** Removal commands and the safeguard their playbook honours (roles/*_remove/tasks/main.yml, tag `always`). */
const SAFEGUARDS: Readonly<Record<string, string>> = {
  'pgsql-rm': 'pg_safeguard',
  'etcd-rm': 'etcd_safeguard',
  'redis-rm': 'redis_safeguard',
  'minio-rm': 'minio_safeguard',
};

/** The nodes a removal action reaches in the base inventory. */
function targets(action: Action, base: Inventory): string[] {
  const args = action.argv.slice(1);
  const limit = args[0] === '-l' ? args[1] : undefined;
  switch (action.kind) {
    case 'pgsql-rm': {
      const [cluster, ...ips] = args;
      return ips.length > 0 ? ips : (base.pgClusters.get(cluster ?? '')?.instances.map((i) => i.ip) ?? []);
    }
    case 'etcd-rm':
      return args.length > 0 ? args : [...base.etcdClusters.values()].filter((c) => c.group === 'etcd').flatMap((c) => c.members.map((m) => m.ip));
    case 'redis-rm': {
      const first = args[0] ?? '';
      return isIPv4(first) ? [first] : (base.redisClusters.get(first)?.nodes.map((n) => n.ip) ?? []);
    }
    case 'minio-rm':
      if (limit === undefined) return [];
      return isIPv4(limit) ? [limit] : [...base.minioClusters.values()].filter((c) => c.group === limit).flatMap((c) => c.members.map((m) => m.ip));
    default:
      return [];
  }
}

/**
 * A removal whose safeguard is on for one of its nodes in the base inventory (the one it runs
 * with) stops at once: Pigsty's removal roles abort when `<module>_safeguard` is true. The plan
 * says so before anyone approves it.
 */
export function safeguardNotes(actions: readonly Action[], base: Inventory | undefined): string[] {
  if (base === undefined) return [];
  const notes: string[] = [];
  for (const action of actions) {
    const key = SAFEGUARDS[action.kind];
    if (key === undefined || action.inventory !== 'base') continue;
    const guarded = targets(action, base).filter((ip) => base.hosts.get(ip)?.effective[key] === true);
    if (guarded.length === 0) continue;
    notes.push(`${action.id} (${action.argv.join(' ')}) will stop: ${key} is true for ${guarded.join(', ')} in the base inventory, and Pigsty aborts the removal; set it to false in an earlier change, or remove by hand.`);
  }
  return notes;
}
