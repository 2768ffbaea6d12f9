import type { JsonPath } from '../inventory/json-path.js';
import type { Host } from '../inventory/model.js';

/** Where a host is first listed: `all.children.<group>.hosts.<ip>` (or `all.hosts.<ip>`). */
export function hostPath(host: Host): JsonPath {
  const group = host.groups[0];
  return group !== undefined ? ['all', 'children', group, 'hosts', host.ip] : ['all', 'hosts', host.ip];
}
