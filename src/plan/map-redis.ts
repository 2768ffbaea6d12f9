import { draft, PHASE, type ActionDraft } from './action-draft.js';
import type { PlannedChange } from './planned-change.js';
import { compareIp, safe } from './safe-argv.js';

/**
 * Redis → `bin/redis-add` / `bin/redis-rm` (https://pigsty.io/docs/redis/admin/):
 * `<cls>` for a whole cluster, `<ip>` for a node that gains its first or loses its last instance
 * (with ports the scripts pass `-e redis_port`, which skips the node's own setup, exporter and
 * deregistration: roles/redis/tasks/main.yml, roles/redis_remove/tasks/main.yml), `<ip> <port…>`
 * for instances of a node that keeps others.
 */
export function mapRedis(changes: readonly PlannedChange[]): ActionDraft[] {
  const out: ActionDraft[] = [];
  const perNode = new Map<string, { ip: string; op: 'add' | 'remove' | 'modify'; ports: number[]; ids: string[]; wholeNode: boolean }>();
  for (const { change, hint } of changes) {
    if (hint.t === 'redis-cluster-add') {
      out.push(draft({ phase: PHASE.redisAdd, sortKey: hint.cluster, kind: 'redis-add', argv: ['bin/redis-add', safe.cluster(hint.cluster)], risk: 'safe', reason: `create redis cluster ${hint.cluster}`, changes: [change.id] }));
    } else if (hint.t === 'redis-cluster-remove') {
      out.push(draft({ phase: PHASE.redisRemove, sortKey: `~${hint.cluster}`, kind: 'redis-rm', argv: ['bin/redis-rm', safe.cluster(hint.cluster)], risk: 'destructive', reason: `remove redis cluster ${hint.cluster}: its data is deleted`, changes: [change.id], inventory: 'base' }));
    } else if (hint.t === 'redis-instance') {
      const key = `${hint.op} ${hint.ip}`;
      const entry = perNode.get(key) ?? { ip: hint.ip, op: hint.op, ports: [], ids: [], wholeNode: hint.wholeNode };
      entry.ports.push(hint.port);
      entry.ids.push(change.id);
      perNode.set(key, entry);
    }
  }
  for (const { ip, op, ports, ids, wholeNode } of perNode.values()) {
    const portArgs = [...ports].sort((a, b) => a - b).map(safe.port);
    const list = portArgs.join(', ');
    const args = [safe.ip(ip), ...(wholeNode ? [] : portArgs)];
    if (op === 'add') out.push(draft({ phase: PHASE.redisAdd, sortKey: ip, kind: 'redis-add', argv: ['bin/redis-add', ...args], risk: 'safe', reason: `create redis instance(s) ${list} on ${ip}`, changes: ids }));
    else if (op === 'remove') out.push(draft({ phase: PHASE.redisRemove, sortKey: ip, kind: 'redis-rm', argv: ['bin/redis-rm', ...args], risk: 'destructive', reason: `remove redis instance(s) ${list} on ${ip}: their data is deleted`, changes: ids, inventory: 'base' }));
    else out.push(draft({ phase: PHASE.review, sortKey: ip, kind: 'redis-add', argv: ['bin/redis-add', ...args], risk: 'disruptive', review: true, reason: `redis instance(s) ${list} on ${ip} changed: re-initialising restarts them — review by hand`, changes: ids }));
  }
  out.sort((a, b) => compareIp(a.sortKey, b.sortKey));
  return out;
}
