import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { pgClusterParts } from '../rule-support/pg-cluster-parts.js';
import { error } from '../rule-support/findings.js';
import { definition } from '../rule-support/var-path.js';
import { countWord } from '../rule-support/values.js';
import { PG_ROLES } from './pg-instances.js';

/**
 * Exactly one `pg_role: primary` per cluster (PG003). A standby cluster has one too: its
 * leader is `primary` with a `pg_upstream` outside the cluster. Not reported as "no primary"
 * while some role is missing or invalid (PG002 says so already).
 */
export const pgPrimaryRule: Rule = {
  codes: ['PG003'],
  title: 'exactly one primary per cluster',
  check(inventory) {
    const out: Finding[] = [];
    for (const cluster of pgClusterParts(inventory)) {
      const primaries: { ip: string; path: readonly (string | number)[] }[] = [];
      let unknownRole = false;
      for (const instance of cluster.instances) {
        const found = definition(inventory, instance.path, 'pg_role');
        const role = found?.value;
        if (role === 'primary') primaries.push({ ip: instance.ip, path: found?.path ?? instance.path });
        else if (typeof role !== 'string' || !(PG_ROLES as readonly string[]).includes(role)) unknownRole = true;
      }
      if (primaries.length > 1) {
        out.push(error('PG003', `${countWord(primaries.length)} primaries in ${cluster.name}: ${primaries.map((p) => p.ip).join(', ')}`, primaries[1]?.path ?? cluster.path));
      } else if (primaries.length === 0 && !unknownRole && cluster.instances.length > 0) {
        out.push(error('PG003', `no primary in ${cluster.name}: exactly one instance needs pg_role primary`, cluster.path));
      }
    }
    return out;
  },
};
