import type { Host, Inventory } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { describeFields, fieldChanges } from './field-changes.js';
import { hostPath } from './host-path.js';
import { moduleGroups } from './module-groups.js';
import { OTHER_MODULES } from './diff-pg-instances.js';
import { sameValue } from './same-value.js';

/** Each module's own host vars, by prefix. */
const MODULES = {
  pgsql: /^(pg_|pgb_|pgbouncer_|patroni_|pgbackrest_)/,
  redis: /^redis_/,
  etcd: /^etcd_/,
  minio: /^minio_/,
  infra: /^infra_/,
} as const;
type Module = keyof typeof MODULES;

/** Which nodes each module runs on, and which nodes are in a module group at all. */
interface Membership {
  of: Record<Module, ReadonlySet<string>>;
  inModuleGroup: ReadonlySet<string>;
}

function membership(inv: Inventory): Membership {
  const ips = (lists: Iterable<{ ip: string }[]>): Set<string> => {
    const out = new Set<string>();
    for (const list of lists) for (const { ip } of list) out.add(ip);
    return out;
  };
  const members = (clusters: Iterable<{ members: { ip: string }[] }>): Set<string> => ips([...clusters].map((c) => c.members));
  const modules = moduleGroups(inv);
  const inModuleGroup = new Set<string>();
  for (const host of inv.hosts.values()) if (host.groups.some((g) => modules.has(g))) inModuleGroup.add(host.ip);
  return {
    of: {
      pgsql: ips([...inv.pgClusters.values()].map((c) => c.instances)),
      redis: ips([...inv.redisClusters.values()].map((c) => c.nodes)),
      etcd: members(inv.etcdClusters.values()),
      minio: members(inv.minioClusters.values()),
      infra: members(inv.infraGroups.values()),
    },
    inModuleGroup,
  };
}

/**
 * Whether the entity diffs already report a change of host var `key` on node `ip`: plain nodes'
 * vars (diffGroups), a Postgres instance's vars but other modules' (diffPgInstances), a member's
 * own module vars (diffModules), redis instances (diffRedis); a module's own vars on a node that
 * joins or leaves that module come and go with the add or remove.
 */
function covered(ip: string, key: string, base: Membership, target: Membership): boolean {
  if (!base.inModuleGroup.has(ip) && !target.inModuleGroup.has(ip)) return true;
  for (const module of Object.keys(MODULES) as Module[]) {
    if (!MODULES[module].test(key)) continue;
    const before = base.of[module].has(ip);
    const after = target.of[module].has(ip);
    if (before !== after) return true;
    if (before && (module !== 'redis' || key === 'redis_instances')) return true;
  }
  return base.of.pgsql.has(ip) && target.of.pgsql.has(ip) && !OTHER_MODULES.test(key);
}

/** Where a host var is set for the node: the first group entry of the host that sets it. */
function keyPath(inv: Inventory, host: Host, key: string): (string | number)[] {
  const children = inv.source.document.all.children ?? {};
  for (const group of host.groups) {
    const entry = children[group]?.hosts?.[host.ip];
    if (entry !== null && entry !== undefined && key in entry) return ['all', 'children', group, 'hosts', host.ip, key];
  }
  return [...hostPath(host), key];
}

/**
 * Host vars of nodes present in both revisions that no entity diff covers (a dedicated etcd node's
 * `node_tune`, a redis node's `redis_max_memory`…), one change per var, so a change on a node is
 * never silently dropped. They map like any host-level var (`./node.yml -l <ip>`…).
 */
export function diffUncoveredHostVars(ctx: DiffContext): void {
  const base = ctx.base;
  if (base === undefined) return;
  let members: { base: Membership; target: Membership } | undefined;
  const { common } = splitKeys(base.hosts.keys(), ctx.target.hosts.keys());
  for (const ip of common) {
    const b = base.hosts.get(ip);
    const t = ctx.target.hosts.get(ip);
    if (b === undefined || t === undefined || sameValue(b.vars, t.vars)) continue;
    members ??= { base: membership(base), target: membership(ctx.target) };
    const keys = [...new Set([...Object.keys(b.vars), ...Object.keys(t.vars)])].sort();
    for (const key of keys) {
      if (sameValue(b.vars[key], t.vars[key]) || covered(ip, key, members.base, members.target)) continue;
      const was = key in b.vars ? { [key]: b.vars[key] ?? null } : undefined;
      const now = key in t.vars ? { [key]: t.vars[key] ?? null } : undefined;
      const fields = fieldChanges(was, now);
      const op = was === undefined ? 'add' : now === undefined ? 'remove' : 'modify';
      addChange(ctx, {
        entity: 'group.var', op, scope: ip, name: key, summary: `${ip}: ${describeFields(fields)}`, fields,
        ...(op !== 'add' ? { basePath: keyPath(base, b, key) } : {}),
        ...(op !== 'remove' ? { targetPath: keyPath(ctx.target, t, key) } : {}),
        hint: { t: 'var', key, scope: { level: 'host', ip } },
      });
    }
  }
}
