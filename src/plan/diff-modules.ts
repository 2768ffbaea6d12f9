import type { ModuleCluster, Vars } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { diffVars } from './diff-vars.js';
import { describeFields, fieldChanges } from './field-changes.js';

const STRUCTURAL = new Set(['etcd_cluster', 'minio_cluster']);
const ENTITY = {
  etcd: { cluster: 'etcd.cluster', member: 'etcd.member' },
  minio: { cluster: 'minio.cluster', member: 'minio.member' },
  infra: { cluster: 'infra.group', member: 'infra.member' },
} as const;

/** etcd, minio and infra groups by name, and their members by IP. */
export function diffModules(ctx: DiffContext): void {
  diffModule(ctx, 'etcd', ctx.base?.etcdClusters, ctx.target.etcdClusters);
  diffModule(ctx, 'minio', ctx.base?.minioClusters, ctx.target.minioClusters);
  diffModule(ctx, 'infra', ctx.base?.infraGroups, ctx.target.infraGroups);
}

function diffModule(ctx: DiffContext, module: 'etcd' | 'minio' | 'infra', baseMap: Map<string, ModuleCluster> | undefined, targetMap: Map<string, ModuleCluster>): void {
  const base = baseMap ?? new Map<string, ModuleCluster>();
  const entity = ENTITY[module];
  const { removed, common, added } = splitKeys(base.keys(), targetMap.keys());
  for (const name of added) {
    const c = targetMap.get(name);
    if (c !== undefined) addChange(ctx, { entity: entity.cluster, op: 'add', name, summary: `${module} ${name} added (${c.members.length} member(s))`, targetPath: c.path, hint: { t: 'module-cluster', module, op: 'add', group: c.group, ips: c.members.map((m) => m.ip) } });
  }
  for (const name of removed) {
    const c = base.get(name);
    if (c !== undefined) addChange(ctx, { entity: entity.cluster, op: 'remove', name, summary: `${module} ${name} removed`, basePath: c.path, hint: { t: 'module-cluster', module, op: 'remove', group: c.group, ips: c.members.map((m) => m.ip) } });
  }
  for (const name of common) {
    const b = base.get(name);
    const t = targetMap.get(name);
    if (b === undefined || t === undefined) continue;
    const bm = new Map(b.members.map((m) => [m.ip, m]));
    const tm = new Map(t.members.map((m) => [m.ip, m]));
    const keys = splitKeys(bm.keys(), tm.keys());
    for (const ip of keys.added) {
      const m = tm.get(ip);
      if (m !== undefined) addChange(ctx, { entity: entity.member, op: 'add', scope: name, name: ip, summary: `${module} member ${ip} added to ${name}`, targetPath: m.path, hint: { t: 'module-member', module, op: 'add', group: t.group, ip } });
    }
    for (const ip of keys.removed) {
      const m = bm.get(ip);
      if (m !== undefined) addChange(ctx, { entity: entity.member, op: 'remove', scope: name, name: ip, summary: `${module} member ${ip} removed from ${name}`, basePath: m.path, hint: { t: 'module-member', module, op: 'remove', group: b.group, ip } });
    }
    for (const ip of keys.common) {
      const x = bm.get(ip);
      const y = tm.get(ip);
      if (x === undefined || y === undefined) continue;
      // Member vars are the node's host vars: only this module's own keys concern it.
      const own = (vars: Vars): Vars => Object.fromEntries(Object.entries(vars).filter(([k]) => k.startsWith(`${module}_`)));
      const fields = fieldChanges(own(x.vars), own(y.vars));
      if (fields.length > 0) addChange(ctx, { entity: entity.member, op: 'modify', scope: name, name: ip, summary: `${module} member ${ip}: ${describeFields(fields)}`, fields, basePath: x.path, targetPath: y.path, hint: { t: 'module-member', module, op: 'modify', group: t.group, ip } });
    }
    diffVars(ctx, 'module.var', name, { level: 'module-group', module, group: t.group }, { vars: b.vars, path: [...b.path, 'vars'] }, { vars: t.vars, path: [...t.path, 'vars'] }, STRUCTURAL);
  }
}
