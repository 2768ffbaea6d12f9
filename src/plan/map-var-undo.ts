import type { Inventory, YamlValue } from '../inventory/model.js';
import { draft, PHASE, type ActionDraft } from './action-draft.js';
import type { VarScope } from './planned-change.js';
import { limitOf } from './scope-limit.js';

type Scope = Exclude<VarScope, { level: 'global' }>;

/** The nodes a scope reaches in the target inventory. */
function nodesOf(target: Inventory, scope: Scope): string[] {
  switch (scope.level) {
    case 'pg-cluster':
      return target.pgClusters.get(scope.cluster)?.instances.map((i) => i.ip) ?? [];
    case 'redis-cluster':
      return target.redisClusters.get(scope.cluster)?.nodes.map((n) => n.ip) ?? [];
    case 'pg-instance':
    case 'host':
      return [scope.ip];
    case 'hosts':
      return scope.ips;
    case 'module-group':
    case 'group':
      return scope.group === 'all' ? [...target.hosts.keys()] : (target.groups.get(scope.group)?.hosts ?? []);
  }
}

/** Each node's effective value of `key` (host vars, then group vars, then all.vars). */
function effective(target: Inventory, scope: Scope, key: string): (YamlValue | undefined)[] {
  return nodesOf(target, scope).map((ip) => target.hosts.get(ip)?.effective[key]);
}

const isEmptyList = (value: YamlValue | undefined): boolean => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/**
 * Settings the install playbooks act on only while they are set: vip.yml runs `when: pg_vip_enabled`,
 * crontab.yml `when: pg_crontab | length > 0`, node's time.yml `when: node_crontab|length > 0` and
 * appends instead of overwriting when `node_crontab_overwrite` is false (roles/pgsql/tasks/*.yml,
 * roles/node/tasks/time.yml). Turning them off is what Pigsty's removal playbooks do, by tag
 * (roles/pg_remove/tasks/vip.yml, main.yml `pg_crontab`; roles/node_remove/tasks/main.yml
 * `node_crontab`), so a change that leaves them off everywhere in its scope maps there instead.
 * https://pigsty.io/docs/pgsql/playbook — undefined when the usual command converges the change.
 */
export function undoDraft(key: string, scope: Scope, target: Inventory, changeId: string): ActionDraft | undefined {
  const values = effective(target, scope, key);
  if (values.length === 0) return undefined;
  const limit = limitOf(scope);
  const base = { phase: PHASE.config, sortKey: limit, changes: [changeId] };
  if (key === 'pg_vip_enabled' && values.every((v) => v !== true)) {
    return draft({ ...base, kind: 'playbook', argv: ['./pgsql-rm.yml', '-l', limit, '-t', 'vip'], risk: 'disruptive', reason: `pg_vip_enabled is off on ${limit}: stop vip-manager and remove its config (pgsql-rm.yml, tag vip); the L2 VIP goes away and connections through it drop` });
  }
  if (key === 'pg_crontab' && values.every(isEmptyList)) {
    return draft({ ...base, kind: 'playbook', argv: ['./pgsql-rm.yml', '-l', limit, '-t', 'pg_crontab'], risk: 'safe', reason: `pg_crontab is empty on ${limit}: remove the postgres dbsu crontab (pgsql-rm.yml, tag pg_crontab; pgsql.yml leaves an emptied crontab in place)` });
  }
  if (key === 'node_crontab') {
    const overwrite = effective(target, scope, 'node_crontab_overwrite').map((v) => v !== false);
    if (overwrite.every((v) => !v)) {
      return draft({ ...base, phase: PHASE.review, kind: 'playbook', argv: ['./node.yml', '-l', limit, '-t', 'node_crontab'], risk: 'safe', review: true, reason: `node_crontab changed on ${limit}, where node_crontab_overwrite is false: entries are appended to /etc/crontab, removed or changed ones stay there — remove them by hand (review)` });
    }
    if (values.every(isEmptyList) && overwrite.every((v) => v)) {
      return draft({ ...base, kind: 'playbook', argv: ['./node-rm.yml', '-l', limit, '-t', 'node_crontab'], risk: 'safe', reason: `node_crontab is empty on ${limit}: restore the default /etc/crontab (node-rm.yml, tag node_crontab; node.yml leaves an emptied crontab in place)` });
    }
  }
  return undefined;
}
