import type { Group } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { fieldChanges } from './field-changes.js';
import { compareIp } from './safe-argv.js';
import type { MapHint } from './planned-change.js';
import type { FieldChange } from './types.js';

type GroupMembersScope = Extract<MapHint, { t: 'group-members' }>['scope'];

const NO_VARS_NOTE = 'the group has no variables and no module: nothing Pigsty deploys changes, so no command';

/**
 * Plain node groups (no module) that are added, removed, or that existing nodes join or leave.
 * Their vars start or stop applying to nodes that are already deployed, so those nodes re-run the
 * vars' commands, limited to their IPs (mapVars). Nodes that are new get the vars at node-add;
 * nodes that are removed need nothing. A group without vars is reported with no command.
 * Var changes inside a group present in both revisions are diffGroups'.
 */
export function diffGroupMembership(ctx: DiffContext, baseModules: ReadonlySet<string>, targetModules: ReadonlySet<string>): void {
  const baseGroups = ctx.base?.groups ?? new Map<string, Group>();
  const existedBefore = (ip: string): boolean => ctx.base?.hosts.has(ip) === true;
  const remainsAfter = (ip: string): boolean => ctx.target.hosts.has(ip);
  const { removed, common, added } = splitKeys(baseGroups.keys(), ctx.target.groups.keys());
  for (const name of added) {
    const group = ctx.target.groups.get(name);
    if (group === undefined || targetModules.has(name) || ctx.base === undefined) continue;
    const existing = group.hosts.filter(existedBefore).sort(compareIp);
    const fields = fieldChanges(undefined, group.vars);
    // The target lists the group: `-l <group>` reaches its nodes (new ones were node-added before).
    report(ctx, group, 'add', `group ${name} added (${hostList(group.hosts)})`, fields, existing, 'its nodes are all new: they get its variables at node-add', { level: 'group', group: name });
  }
  for (const name of removed) {
    const group = baseGroups.get(name);
    if (group === undefined || baseModules.has(name)) continue;
    const remaining = group.hosts.filter(remainsAfter).sort(compareIp);
    const fields = fieldChanges(group.vars, undefined);
    // The target no longer lists the group: its remaining nodes by IP.
    report(ctx, group, 'remove', `group ${name} removed (was ${hostList(group.hosts)})`, fields, remaining, 'its nodes are removed as well: nothing is left to reconfigure', { level: 'hosts', ips: remaining });
  }
  for (const name of common) {
    if (baseModules.has(name) || targetModules.has(name)) continue;
    const before = baseGroups.get(name);
    const after = ctx.target.groups.get(name);
    if (before === undefined || after === undefined) continue;
    const joined = after.hosts.filter((ip) => !before.hosts.includes(ip) && existedBefore(ip)).sort(compareIp);
    const left = before.hosts.filter((ip) => !after.hosts.includes(ip) && remainsAfter(ip)).sort(compareIp);
    if (joined.length === 0 && left.length === 0) continue;
    const fields: FieldChange[] = [...joined.map((ip) => ({ field: `hosts.${ip}`, op: 'add' as const })), ...left.map((ip) => ({ field: `hosts.${ip}`, op: 'remove' as const }))];
    const moves = [joined.length > 0 ? `${joined.join(', ')} joined` : '', left.length > 0 ? `${left.join(', ')} left` : ''].filter((s) => s !== '').join('; ');
    const keys = [...new Set([...Object.keys(before.vars), ...Object.keys(after.vars)])].sort();
    const ips = [...joined, ...left].sort(compareIp);
    addChange(ctx, {
      entity: 'group', op: 'modify', name, summary: `group ${name}: ${moves}`, fields, basePath: before.path, targetPath: after.path,
      ...(keys.length === 0 ? { note: NO_VARS_NOTE, hint: { t: 'no-command' } } : { hint: { t: 'group-members', group: name, keys, scope: { level: 'hosts', ips } } }),
    });
  }
}

/**
 * One change for a plain group added or removed; `nodes` are the already deployed nodes its vars
 * reach, `scope` the limit their commands run with.
 */
function report(ctx: DiffContext, group: Group, op: 'add' | 'remove', summary: string, fields: FieldChange[], nodes: string[], noNodesNote: string, scope: GroupMembersScope): void {
  const keys = Object.keys(group.vars).sort();
  const where = op === 'add' ? { targetPath: group.path } : { basePath: group.path };
  const note = keys.length === 0 ? NO_VARS_NOTE : nodes.length === 0 ? noNodesNote : undefined;
  const mapping = note !== undefined ? { note, hint: { t: 'no-command' as const } } : { hint: { t: 'group-members' as const, group: group.name, keys, scope } };
  addChange(ctx, { entity: 'group', op, name: group.name, summary, fields, ...where, ...mapping });
}

function hostList(hosts: readonly string[]): string {
  if (hosts.length === 0) return 'no hosts';
  const sorted = [...hosts].sort(compareIp);
  return sorted.length <= 5 ? sorted.join(', ') : `${sorted.slice(0, 5).join(', ')} and ${sorted.length - 5} more`;
}
