import type { PgCluster, PgUser } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { describeFields, fieldChanges } from './field-changes.js';

function byName(users: readonly PgUser[]): Map<string, PgUser> {
  const map = new Map<string, PgUser>();
  for (const u of users) if (!map.has(u.name)) map.set(u.name, u);
  return map;
}

/** `pg_users` entries by name. A password rotation shows as "password changed", never a value. */
export function diffPgUsers(ctx: DiffContext, base: PgCluster, target: PgCluster): void {
  const b = byName(base.users);
  const t = byName(target.users);
  const { removed, common, added } = splitKeys(b.keys(), t.keys());
  const cluster = target.name;
  for (const name of added) {
    const u = t.get(name);
    if (u === undefined) continue;
    const absent = u.state === 'absent';
    addChange(ctx, { entity: 'pg.user', op: 'add', scope: cluster, name, summary: absent ? `user ${name} declared absent (will be dropped)` : `user ${name} added`, fields: fieldChanges(undefined, u.spec), targetPath: u.path, hint: { t: 'pg-user', cluster, user: name, state: u.state } });
  }
  for (const name of common) {
    const bu = b.get(name);
    const tu = t.get(name);
    if (bu === undefined || tu === undefined) continue;
    const fields = fieldChanges(bu.spec, tu.spec);
    if (fields.length === 0) continue;
    const dropping = tu.state === 'absent' && bu.state !== 'absent';
    addChange(ctx, { entity: 'pg.user', op: 'modify', scope: cluster, name, summary: dropping ? `user ${name} set to state: absent (will be dropped)` : `user ${name}: ${describeFields(fields)}`, fields, basePath: bu.path, targetPath: tu.path, hint: { t: 'pg-user', cluster, user: name, state: tu.state } });
  }
  for (const name of removed) {
    const u = b.get(name);
    if (u === undefined) continue;
    addChange(ctx, {
      entity: 'pg.user', op: 'remove', scope: cluster, name,
      summary: `user ${name} removed from pg_users`,
      note: `Pigsty leaves user ${name} in place on ${cluster}; to drop it, keep the entry with \`state: absent\`.`,
      basePath: u.path, hint: { t: 'definition-dropped' },
    });
  }
}
