import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { isIPv4 } from '../safe-names.js';
import { pgClusterParts } from '../rule-support/pg-cluster-parts.js';
import { error } from '../rule-support/findings.js';
import { ipProblem } from '../rule-support/ip-problem.js';
import { checkSeqs } from '../rule-support/seq-checks.js';
import { definition } from '../rule-support/var-path.js';
import { show } from '../rule-support/values.js';

export const PG_ROLES = ['primary', 'replica', 'standby', 'offline', 'delayed'] as const;

/**
 * Instance identity of every Postgres cluster: `pg_seq` an integer >= 0 (PG001) and unique
 * in the cluster (PG004); `pg_role` one of primary|replica|standby|offline|delayed (PG002);
 * `pg_upstream` an IPv4 address (PG005) that is not the instance itself and, for a primary
 * (the leader of a standby cluster), not a member of its own cluster (PG006).
 */
export const pgInstancesRule: Rule = {
  codes: ['PG001', 'PG002', 'PG004', 'PG005', 'PG006'],
  title: 'pg_seq, pg_role, pg_upstream of each instance',
  check(inventory) {
    const out: Finding[] = [];
    for (const cluster of pgClusterParts(inventory)) {
      out.push(...checkSeqs(inventory, 'pg_seq', cluster.name, cluster.instances, 'PG001', 'PG004'));
      const members = new Set(cluster.instances.map((i) => i.ip));
      for (const instance of cluster.instances) {
        const roleDefinition = definition(inventory, instance.path, 'pg_role');
        const rolePath = roleDefinition?.path;
        const role = roleDefinition?.value;
        if (rolePath === undefined || role === undefined) {
          out.push(error('PG002', `pg_role of ${instance.ip} in ${cluster.name} is missing`, instance.path));
        } else if (typeof role !== 'string' || !(PG_ROLES as readonly string[]).includes(role)) {
          out.push(error('PG002', `pg_role of ${instance.ip} in ${cluster.name} is ${show(role)}: should be one of ${PG_ROLES.join(', ')}`, rolePath));
        }
        const upstreamDefinition = definition(inventory, instance.path, 'pg_upstream');
        if (upstreamDefinition === undefined) continue;
        const { path: upstreamPath, value: upstream } = upstreamDefinition;
        if (upstream === null || upstream === undefined || upstream === '') continue;
        if (!isIPv4(upstream)) {
          out.push(error('PG005', `${ipProblem('pg_upstream', upstream)} (${instance.ip} in ${cluster.name})`, upstreamPath));
        } else if (upstream === instance.ip) {
          out.push(error('PG006', `pg_upstream of ${instance.ip} in ${cluster.name} is the instance itself`, upstreamPath));
        } else if (role === 'primary' && members.has(upstream)) {
          out.push(error('PG006', `primary ${instance.ip} of ${cluster.name} has pg_upstream ${upstream}, a member of its own cluster: a standby cluster leader replicates from another cluster`, upstreamPath));
        }
      }
    }
    return out;
  },
};
