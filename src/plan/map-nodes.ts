import { draft, PHASE, type ActionDraft } from './action-draft.js';
import type { PlannedChange } from './planned-change.js';
import { compareIp, safe } from './safe-argv.js';

/**
 * New nodes → `bin/node-add` (https://pigsty.io/docs/node/admin/#add-node), before anything uses them:
 * a new Postgres cluster whose nodes are all new is added by name (`bin/node-add <cls>`, as
 * `bin/pgsql-add` itself hints), other new nodes by IP (`bin/node-add <ip…>`).
 * Removed nodes → `bin/node-rm` (https://pigsty.io/docs/node/admin/#remove-node), last, destructive,
 * against the base inventory (the target no longer lists them).
 * New infra nodes get no `bin/node-add`: infra.yml initialises them itself (its node and repo roles),
 * and bin/pgsql-add says "bin/node-add ${IP_LIST} # run this ahead, except infra nodes".
 */
export function mapNodes(changes: readonly PlannedChange[]): ActionDraft[] {
  const out: ActionDraft[] = [];
  const infraNodes = newInfraNodes(changes);
  for (const op of ['add', 'remove'] as const) {
    const nodeChanges = new Map<string, string>();
    for (const { change, hint } of changes) {
      if (op === 'add' && hint.t === 'node-add' && infraNodes.has(hint.ip)) change.note = 'an infra node: infra.yml initialises it (no bin/node-add)';
      else if ((op === 'add' && hint.t === 'node-add') || (op === 'remove' && hint.t === 'node-remove')) nodeChanges.set(hint.ip, change.id);
    }
    if (nodeChanges.size === 0) continue;
    const byCluster = new Set<string>();
    for (const { change, hint } of changes) {
      const t = op === 'add' ? 'pg-cluster-add' : 'pg-cluster-remove';
      if (hint.t !== t || hint.ips.length === 0 || !hint.ips.every((ip) => nodeChanges.has(ip))) continue;
      const ids = hint.ips.map((ip) => nodeChanges.get(ip) ?? '').concat(change.id);
      for (const ip of hint.ips) {
        byCluster.add(ip);
      }
      out.push(nodeAction(op, [safe.cluster(hint.cluster)], hint.cluster, ids, `nodes of ${op === 'add' ? 'new' : 'removed'} cluster ${hint.cluster}`));
    }
    const rest = [...nodeChanges.keys()].filter((ip) => !byCluster.has(ip)).sort(compareIp);
    if (rest.length > 0) out.push(nodeAction(op, rest.map(safe.ip), rest[0] ?? '', rest.map((ip) => nodeChanges.get(ip) ?? ''), rest.length === 1 ? `node ${rest[0]}` : `${rest.length} nodes`));
  }
  return out;
}

function nodeAction(op: 'add' | 'remove', args: string[], sortKey: string, changes: string[], what: string): ActionDraft {
  return op === 'add'
    ? draft({ phase: PHASE.nodeAdd, sortKey, kind: 'node-add', argv: ['bin/node-add', ...args], risk: 'safe', reason: `initialise ${what} for Pigsty (node.yml)`, changes })
    : draft({ phase: PHASE.nodeRemove, sortKey, kind: 'node-rm', argv: ['bin/node-rm', ...args], risk: 'destructive', reason: `remove ${what} from Pigsty (node-rm.yml); run after every module on them is removed`, changes, inventory: 'base' });
}

/** IPs that join infra in this plan: a new infra group's members and new infra members. */
function newInfraNodes(changes: readonly PlannedChange[]): Set<string> {
  const out = new Set<string>();
  for (const { hint } of changes) {
    if (hint.t === 'module-cluster' && hint.module === 'infra' && hint.op === 'add') for (const ip of hint.ips) out.add(ip);
    if (hint.t === 'module-member' && hint.module === 'infra' && hint.op === 'add') out.add(hint.ip);
  }
  return out;
}
