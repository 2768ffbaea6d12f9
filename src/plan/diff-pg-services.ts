import type { PgCluster, PgService } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { describeFields, fieldChanges } from './field-changes.js';

function byName(services: readonly PgService[]): Map<string, PgService> {
  const map = new Map<string, PgService>();
  for (const s of services) if (!map.has(s.name)) map.set(s.name, s);
  return map;
}

/** `pg_services` entries by name. */
export function diffPgServices(ctx: DiffContext, base: PgCluster, target: PgCluster): void {
  const b = byName(base.services);
  const t = byName(target.services);
  const { removed, common, added } = splitKeys(b.keys(), t.keys());
  const cluster = target.name;
  const hint = { t: 'pg-service', cluster } as const;
  for (const name of added) {
    const s = t.get(name);
    if (s !== undefined) addChange(ctx, { entity: 'pg.service', op: 'add', scope: cluster, name, summary: `service ${cluster}-${name} added`, fields: fieldChanges(undefined, s.spec), targetPath: s.path, hint });
  }
  for (const name of common) {
    const bs = b.get(name);
    const ts = t.get(name);
    if (bs === undefined || ts === undefined) continue;
    const fields = fieldChanges(bs.spec, ts.spec);
    if (fields.length > 0) addChange(ctx, { entity: 'pg.service', op: 'modify', scope: cluster, name, summary: `service ${cluster}-${name}: ${describeFields(fields)}`, fields, basePath: bs.path, targetPath: ts.path, hint });
  }
  for (const name of removed) {
    const s = b.get(name);
    if (s !== undefined) addChange(ctx, { entity: 'pg.service', op: 'remove', scope: cluster, name, summary: `service ${cluster}-${name} removed`, basePath: s.path, hint });
  }
}
