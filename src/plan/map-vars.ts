import type { Inventory } from '../inventory/model.js';
import { draft, PHASE, type ActionDraft } from './action-draft.js';
import type { PlannedChange, VarScope } from './planned-change.js';
import { safe } from './safe-argv.js';
import { limitOf } from './scope-limit.js';
import { undoDraft } from './map-var-undo.js';
import { classifyVar, type VarClass } from './var-class.js';
import { wholePlaybookEffect } from './whole-playbook.js';

/** Postgres clusters a global change reaches: those that already exist (new ones get it at creation). */
function existingPgClusters(base: Inventory | undefined, target: Inventory): string[] {
  return [...target.pgClusters.keys()].filter((c) => base?.pgClusters.has(c) === true).sort();
}

function existingGroups(base: Inventory | undefined, target: Inventory, module: string): string[] {
  const pick = (inv: Inventory): Map<string, { group: string }> =>
    module === 'redis' ? inv.redisClusters : module === 'etcd' ? inv.etcdClusters : module === 'minio' ? inv.minioClusters : inv.infraGroups;
  if (base === undefined) return [];
  const before = new Set([...pick(base).values()].map((c) => c.group));
  return [...new Set([...pick(target).values()].map((c) => c.group))].filter((g) => before.has(g)).sort();
}

/** Actions for one variable change in one non-global scope. */
function forScope(key: string, cls: VarClass, scope: Exclude<VarScope, { level: 'global' }>, id: string, target: Inventory): ActionDraft[] {
  const undo = undoDraft(key, scope, target, id);
  if (undo !== undefined) return [undo];
  return narrowDrafts(key, cls, scope, id);
}

/** The narrowest commands `classifyVar` knows for one variable change in one scope, else the whole playbook. */
function narrowDrafts(key: string, cls: VarClass, scope: Exclude<VarScope, { level: 'global' }>, id: string): ActionDraft[] {
  const where = scope.level === 'pg-instance' ? `${scope.cluster} ${scope.ip}` : limitOf(scope);
  const base = { phase: PHASE.config, sortKey: where, changes: [id] };
  const cluster = scope.level === 'pg-cluster' || scope.level === 'pg-instance' ? safe.cluster(scope.cluster) : undefined;
  const ip = scope.level === 'pg-instance' ? [safe.ip(scope.ip)] : [];
  // https://pigsty.io/docs/pgsql/admin/hba/ — `bin/pgsql-hba <cls> [ip…]`
  const hba = (name: string): ActionDraft => draft({ ...base, kind: 'pgsql-hba', argv: ['bin/pgsql-hba', name, ...ip], risk: 'safe', reason: `${key} changed: refresh HBA rules of ${where}` });
  // https://pigsty.io/docs/pgsql/admin/service/ — `bin/pgsql-svc <cls> [ip…]`
  const svc = (name: string, ips: readonly string[]): ActionDraft => draft({ ...base, kind: 'pgsql-svc', argv: ['bin/pgsql-svc', name, ...ips], risk: 'safe', reason: `${key} changed: refresh services of ${where}` });
  switch (cls.kind) {
    case 'pg-hba':
      if (cluster !== undefined) return [hba(cluster)];
      break;
    case 'pg-svc':
      if (cluster !== undefined) return [svc(cluster, ip)];
      break;
    // The services of the whole cluster: an instance's own setting changes which members a service selects.
    case 'pg-hba-svc':
      if (cluster !== undefined) return [hba(cluster), svc(cluster, [])];
      break;
    // https://pigsty.io/docs/pgsql/admin/extension/ — `bin/pgsql-ext <cls>` runs `./pgsql.yml -l <cls> -t pg_ext`
    case 'pg-ext':
      if (scope.level === 'pg-cluster' && cluster !== undefined) return [draft({ ...base, kind: 'pgsql-ext', argv: ['bin/pgsql-ext', cluster], risk: 'safe', reason: `${key} changed: install the extension packages on ${where}` })];
      return [draft({ ...base, kind: 'playbook', argv: ['./pgsql.yml', '-l', limitOf(scope), '-t', 'pg_ext'], risk: 'safe', reason: `${key} changed: install the extension packages on ${where}` })];
    // https://pigsty.io/docs/pgsql/playbook/ — `./pgsql.yml -l <scope> -t <tag>`
    case 'pg-tags':
      return [draft({ ...base, phase: cls.review ? PHASE.review : PHASE.config, kind: 'playbook', argv: ['./pgsql.yml', '-l', limitOf(scope), '-t', cls.tags.join(',')], risk: cls.risk, review: cls.review, reason: `${key} changed: ${cls.why}` })];
    // https://pigsty.io/docs/node/playbook/ — `./node.yml -l <scope> -t <tag>`
    case 'node-tags':
      return [draft({ ...base, ...(cls.review === true ? { phase: PHASE.review } : {}), kind: 'playbook', argv: ['./node.yml', '-l', limitOf(scope), '-t', cls.tags.join(',')], risk: cls.risk, review: cls.review === true, reason: `${key} changed: ${cls.why}` })];
    case 'broad':
    case 'none':
      break;
  }
  const playbook = cls.kind === 'broad' ? cls.playbook : './pgsql.yml';
  const { risk, effect } = wholePlaybookEffect(playbook);
  return [draft({ ...base, phase: PHASE.review, kind: 'playbook', argv: [playbook, '-l', limitOf(scope)], risk, review: true, reason: `${key} changed: no narrow Pigsty command is known, so the whole ${playbook} runs on ${where}; ${effect} — review by hand` })];
}

/**
 * Variable changes (global, cluster, instance, group and host vars) → the narrowest command of
 * `classifyVar`; a global change fans out to each existing cluster or group it reaches.
 * A change nothing existing is affected by gets a note instead of an action.
 */
export function mapVars(changes: readonly PlannedChange[], base: Inventory | undefined, target: Inventory): ActionDraft[] {
  const out: ActionDraft[] = [];
  for (const { change, hint } of changes) {
    if (hint.t === 'group-members') {
      let mapped = false;
      for (const key of hint.keys) {
        const cls = classifyVar(key);
        if (cls.kind !== 'none') {
          out.push(...forScope(key, cls, hint.scope, change.id, target));
          mapped = true;
        }
      }
      if (!mapped) change.note = 'its variables are read only when modules are removed or (re)installed: nothing runs now';
      continue;
    }
    if (hint.t !== 'var') continue;
    const cls = classifyVar(hint.key);
    if (cls.kind === 'none') {
      change.note = cls.why;
      continue;
    }
    if (hint.scope.level !== 'global') {
      out.push(...forScope(hint.key, cls, hint.scope, change.id, target));
      continue;
    }
    const scopes: Exclude<VarScope, { level: 'global' }>[] = [];
    const module = cls.kind === 'broad' ? cls.module : cls.kind === 'node-tags' ? 'node' : 'pgsql';
    if (module === 'pgsql') for (const c of existingPgClusters(base, target)) scopes.push({ level: 'pg-cluster', cluster: c });
    else if (module === 'redis') for (const g of existingGroups(base, target, 'redis')) scopes.push({ level: 'redis-cluster', cluster: g });
    else if (module === 'etcd' || module === 'minio' || module === 'infra') for (const g of existingGroups(base, target, module)) scopes.push({ level: 'module-group', module, group: g });
    else if (base !== undefined && base.hosts.size > 0) scopes.push({ level: 'group', group: 'all' });
    if (scopes.length === 0) {
      change.note = `no existing ${module === 'all' ? 'node' : module} deployment is affected; new ones pick these values up when they are created`;
      continue;
    }
    for (const scope of scopes) out.push(...forScope(hint.key, cls, scope, change.id, target));
  }
  return out;
}
