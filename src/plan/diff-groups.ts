import type { Group, Host } from '../inventory/model.js';
import { splitKeys, type DiffContext } from './diff-context.js';
import { diffGroupMembership } from './diff-group-membership.js';
import { diffVars } from './diff-vars.js';
import { hostPath } from './host-path.js';
import { moduleGroups } from './module-groups.js';

/**
 * Groups that define no module (plain node groups): group vars and the host vars of hosts that
 * belong to no module group; groups added or removed and existing nodes joining or leaving one
 * are diffGroupMembership's.
 */
export function diffGroups(ctx: DiffContext): void {
  const baseModules = moduleGroups(ctx.base);
  const targetModules = moduleGroups(ctx.target);
  diffGroupMembership(ctx, baseModules, targetModules);
  const baseGroups = ctx.base?.groups ?? new Map<string, Group>();
  const { common } = splitKeys(baseGroups.keys(), ctx.target.groups.keys());
  for (const name of common) {
    if (baseModules.has(name) || targetModules.has(name)) continue;
    const b = baseGroups.get(name);
    const t = ctx.target.groups.get(name);
    if (b === undefined || t === undefined) continue;
    diffVars(ctx, 'group.var', name, { level: 'group', group: name }, { vars: b.vars, path: [...b.path, 'vars'] }, { vars: t.vars, path: [...t.path, 'vars'] }, new Set());
  }
  const baseHosts = ctx.base?.hosts ?? new Map<string, Host>();
  const { common: hosts } = splitKeys(baseHosts.keys(), ctx.target.hosts.keys());
  for (const ip of hosts) {
    const b = baseHosts.get(ip);
    const t = ctx.target.hosts.get(ip);
    if (b === undefined || t === undefined) continue;
    if (t.groups.some((g) => targetModules.has(g)) || b.groups.some((g) => baseModules.has(g))) continue;
    diffVars(ctx, 'group.var', ip, { level: 'host', ip }, { vars: b.vars, path: hostPath(b) }, { vars: t.vars, path: hostPath(t) }, new Set());
  }
}
