import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { isIPv4Cidr } from '../safe-names.js';
import { pgClusterParts } from '../rule-support/pg-cluster-parts.js';
import { error } from '../rule-support/findings.js';
import { definition } from '../rule-support/var-path.js';
import { varScopes } from '../rule-support/var-scopes.js';
import { show } from '../rule-support/values.js';

/**
 * L2 VIP of Postgres clusters: `pg_vip_enabled: true` needs a `pg_vip_address` for every
 * instance (VIP001; Citus sets it per host); any `pg_vip_address` is an IPv4 CIDR such as
 * `10.10.10.2/24` (VIP002).
 */
export const pgVipRule: Rule = {
  codes: ['VIP001', 'VIP002'],
  title: 'pg_vip_address given when the vip is enabled, and a CIDR',
  check(inventory) {
    const out: Finding[] = [];
    for (const scope of varScopes(inventory)) {
      const address = scope.vars.pg_vip_address;
      if (address === undefined || address === null) continue;
      if (!isIPv4Cidr(address)) out.push(error('VIP002', `pg_vip_address ${show(address)} in ${scope.label} should be an IPv4 CIDR such as 10.10.10.2/24`, [...scope.path, 'pg_vip_address']));
    }
    for (const cluster of pgClusterParts(inventory)) {
      const missing: string[] = [];
      let enabledPath: readonly (string | number)[] | undefined;
      for (const instance of cluster.instances) {
        const enabled = definition(inventory, instance.path, 'pg_vip_enabled');
        if (enabled === undefined || enabled.value !== true) continue;
        enabledPath ??= enabled.path;
        const address = definition(inventory, instance.path, 'pg_vip_address')?.value;
        if (address === undefined || address === null || address === '') missing.push(instance.ip);
      }
      if (missing.length > 0 && enabledPath) {
        out.push(error('VIP001', `pg_vip_enabled is true in ${cluster.name} but pg_vip_address is not set (${missing.join(', ')})`, enabledPath));
      }
    }
    return out;
  },
};
