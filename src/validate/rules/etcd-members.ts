import type { Rule } from '../rule.js';
import { checkSeqs } from '../rule-support/seq-checks.js';

/** Every etcd member has an integer `etcd_seq` >= 0 (ETCD001), unique in its cluster (ETCD002). */
export const etcdMembersRule: Rule = {
  codes: ['ETCD001', 'ETCD002'],
  title: 'etcd_seq present, integer >= 0, unique per cluster',
  check(inventory) {
    return [...inventory.etcdClusters.values()].flatMap((cluster) => checkSeqs(inventory, 'etcd_seq', cluster.name || cluster.group, cluster.members, 'ETCD001', 'ETCD002'));
  },
};
