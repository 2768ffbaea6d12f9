import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { warning } from '../rule-support/findings.js';

/**
 * An etcd cluster with an even member count tolerates no more failures than one member fewer
 * (ETCD003). Pgsql clusters need an etcd cluster for Patroni's DCS (ETCD004).
 */
export const etcdQuorumRule: Rule = {
  codes: ['ETCD003', 'ETCD004'],
  title: 'etcd member count is odd; etcd exists when pgsql does',
  check(inventory) {
    const out: Finding[] = [];
    for (const cluster of inventory.etcdClusters.values()) {
      const count = cluster.members.length;
      if (count > 0 && count % 2 === 0) {
        out.push(warning('ETCD003', `etcd cluster ${cluster.name} has ${count} members: an even count tolerates no more failures than ${count - 1}`, cluster.path));
      }
    }
    if (inventory.etcdClusters.size === 0 && inventory.pgClusters.size > 0) {
      const names = [...inventory.pgClusters.keys()];
      const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
      out.push(warning('ETCD004', `no etcd cluster, which pgsql clusters need for high availability (${shown})`, ['all', 'children']));
    }
    return out;
  },
};
