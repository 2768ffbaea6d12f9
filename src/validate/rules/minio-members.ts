import type { Rule } from '../rule.js';
import { checkSeqs } from '../rule-support/seq-checks.js';

/** Every minio member has an integer `minio_seq` >= 0 (MINIO001), unique in its cluster (MINIO002). */
export const minioMembersRule: Rule = {
  codes: ['MINIO001', 'MINIO002'],
  title: 'minio_seq present, integer >= 0, unique per cluster',
  check(inventory) {
    return [...inventory.minioClusters.values()].flatMap((cluster) => checkSeqs(inventory, 'minio_seq', cluster.name || cluster.group, cluster.members, 'MINIO001', 'MINIO002'));
  },
};
