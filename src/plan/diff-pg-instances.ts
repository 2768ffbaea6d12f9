import type { PgCluster, Vars } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { diffVars } from './diff-vars.js';
import { describeFields, fieldChanges } from './field-changes.js';

/** Identity of an instance: changing it is a role change, not a config refresh. */
const IDENTITY = new Set(['pg_seq', 'pg_role', 'pg_upstream']);
/** Host vars of other modules on the same node: their own diffs cover them. */
export const OTHER_MODULES = /^(redis_|etcd_|minio_|infra_)/;

/** Instances of a cluster present in both revisions: added, removed, identity and host vars. */
export function diffPgInstances(ctx: DiffContext, base: PgCluster, target: PgCluster): void {
  const b = new Map(base.instances.map((i) => [i.ip, i]));
  const t = new Map(target.instances.map((i) => [i.ip, i]));
  const { removed, common, added } = splitKeys(b.keys(), t.keys());
  const cluster = target.name;
  for (const ip of added) {
    const ins = t.get(ip);
    if (ins === undefined) continue;
    addChange(ctx, { entity: 'pg.instance', op: 'add', scope: cluster, name: ip, summary: `instance ${cluster}-${ins.seq ?? '?'} (${ip}, ${ins.role ?? 'no role'}) added`, targetPath: ins.path, hint: { t: 'pg-instance-add', cluster, ip } });
  }
  for (const ip of removed) {
    const ins = b.get(ip);
    if (ins === undefined) continue;
    addChange(ctx, { entity: 'pg.instance', op: 'remove', scope: cluster, name: ip, summary: `instance ${cluster}-${ins.seq ?? '?'} (${ip}) removed`, basePath: ins.path, hint: { t: 'pg-instance-remove', cluster, ip, role: ins.role } });
  }
  for (const ip of common) {
    const bi = b.get(ip);
    const ti = t.get(ip);
    if (bi === undefined || ti === undefined) continue;
    const identity = fieldChanges(identityOf(bi.vars), identityOf(ti.vars));
    if (identity.length > 0) {
      addChange(ctx, { entity: 'pg.instance', op: 'modify', scope: cluster, name: ip, summary: `instance ${ip}: ${describeFields(identity)}`, fields: identity, basePath: bi.path, targetPath: ti.path, hint: { t: 'pg-instance-identity', cluster, ip } });
    }
    const ignore = ignoredVars(bi.vars, ti.vars);
    diffVars(ctx, 'pg.var', `${cluster}/${ip}`, { level: 'pg-instance', cluster, ip }, { vars: bi.vars, path: bi.path }, { vars: ti.vars, path: ti.path }, ignore);
  }
}

function identityOf(vars: Vars): Vars {
  const out: Vars = {};
  for (const key of IDENTITY) if (Object.prototype.hasOwnProperty.call(vars, key)) out[key] = vars[key] ?? null;
  return out;
}

/** Identity keys plus the other modules' host vars present on either side. */
function ignoredVars(base: Vars, target: Vars): ReadonlySet<string> {
  let out: Set<string> | undefined;
  for (const vars of [base, target]) {
    for (const key in vars) {
      if (OTHER_MODULES.test(key)) (out ??= new Set(IDENTITY)).add(key);
    }
  }
  return out ?? IDENTITY;
}
