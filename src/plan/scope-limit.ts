import type { VarScope } from './planned-change.js';
import { safe } from './safe-argv.js';

/** The Ansible `-l` limit of a non-global scope: a cluster or group name, an IP, or IPs joined by commas. */
export function limitOf(scope: Exclude<VarScope, { level: 'global' }>): string {
  switch (scope.level) {
    case 'pg-cluster':
      return safe.cluster(scope.cluster);
    case 'redis-cluster':
      return safe.cluster(scope.cluster);
    case 'pg-instance':
    case 'host':
      return safe.ip(scope.ip);
    case 'module-group':
    case 'group':
      return safe.group(scope.group);
    case 'hosts':
      // Ansible's --limit takes a comma-separated list of hosts.
      return scope.ips.map(safe.ip).join(',');
  }
}
