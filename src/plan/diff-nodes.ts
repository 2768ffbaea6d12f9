import type { Host } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { hostPath } from './host-path.js';

/** Hosts (nodes) that appear in or disappear from the inventory as a whole. */
export function diffNodes(ctx: DiffContext): void {
  const baseHosts = ctx.base?.hosts ?? new Map<string, Host>();
  const { removed, added } = splitKeys(baseHosts.keys(), ctx.target.hosts.keys());
  for (const ip of added) {
    const host = ctx.target.hosts.get(ip);
    if (host === undefined) continue;
    addChange(ctx, { entity: 'node', op: 'add', name: ip, summary: `node ${ip} added (${groupList(host)})`, targetPath: hostPath(host), hint: { t: 'node-add', ip } });
  }
  for (const ip of removed) {
    const host = baseHosts.get(ip);
    if (host === undefined) continue;
    addChange(ctx, { entity: 'node', op: 'remove', name: ip, summary: `node ${ip} removed (was in ${groupList(host)})`, basePath: hostPath(host), hint: { t: 'node-remove', ip } });
  }
}

/** `pg-test, etcd`, or `no group` for a host listed only under `all.hosts`. */
function groupList(host: Host): string {
  return host.groups.length > 0 ? host.groups.join(', ') : 'no group';
}
