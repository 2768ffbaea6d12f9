import type { PgCluster, PgDatabase } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { describeFields, fieldChanges } from './field-changes.js';

function byName(dbs: readonly PgDatabase[]): Map<string, PgDatabase> {
  const map = new Map<string, PgDatabase>();
  for (const d of dbs) if (!map.has(d.name)) map.set(d.name, d);
  return map;
}

const STATE_WORDS: Record<string, string> = { absent: 'declared absent (will be dropped)', recreate: 'declared recreate (will be dropped and created again)' };

/** `pg_databases` entries by name. */
export function diffPgDatabases(ctx: DiffContext, base: PgCluster, target: PgCluster): void {
  const b = byName(base.databases);
  const t = byName(target.databases);
  const { removed, common, added } = splitKeys(b.keys(), t.keys());
  const cluster = target.name;
  for (const name of added) {
    const d = t.get(name);
    if (d === undefined) continue;
    const words = d.state !== undefined ? STATE_WORDS[d.state] : undefined;
    addChange(ctx, { entity: 'pg.database', op: 'add', scope: cluster, name, summary: `database ${name} ${words ?? 'added'}`, fields: fieldChanges(undefined, d.spec), targetPath: d.path, hint: { t: 'pg-database', cluster, db: name, state: d.state } });
  }
  for (const name of common) {
    const bd = b.get(name);
    const td = t.get(name);
    if (bd === undefined || td === undefined) continue;
    const fields = fieldChanges(bd.spec, td.spec);
    if (fields.length === 0) continue;
    const words = td.state !== undefined && td.state !== bd.state ? STATE_WORDS[td.state] : undefined;
    addChange(ctx, { entity: 'pg.database', op: 'modify', scope: cluster, name, summary: `database ${name} ${words ?? describeFields(fields)}`, fields, basePath: bd.path, targetPath: td.path, hint: { t: 'pg-database', cluster, db: name, state: td.state } });
  }
  for (const name of removed) {
    const d = b.get(name);
    if (d === undefined) continue;
    addChange(ctx, {
      entity: 'pg.database', op: 'remove', scope: cluster, name,
      summary: `database ${name} removed from pg_databases`,
      note: `Pigsty leaves database ${name} in place on ${cluster}; to drop it, keep the entry with \`state: absent\`.`,
      basePath: d.path, hint: { t: 'definition-dropped' },
    });
  }
}
