import type { PgCluster } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { diffPgDatabases } from './diff-pg-databases.js';
import { diffPgInstances } from './diff-pg-instances.js';
import { diffPgServices } from './diff-pg-services.js';
import { diffPgUsers } from './diff-pg-users.js';
import { diffVars } from './diff-vars.js';
import { describeFields, fieldChanges } from './field-changes.js';
import { sameModel } from './same-value.js';

/** Cluster vars compared entity by entity elsewhere (users, databases, services, hba). */
const STRUCTURAL = new Set(['pg_cluster', 'pg_users', 'pg_databases', 'pg_services', 'pg_hba_rules', 'pgb_hba_rules']);
const HBA_KEYS = ['pg_hba_rules', 'pgb_hba_rules'] as const;

function ipsOf(c: PgCluster): string[] {
  return c.instances.map((i) => i.ip);
}

/** Postgres clusters by `pg_cluster`: added, removed, and everything inside the ones in both. */
export function diffPg(ctx: DiffContext): void {
  const baseClusters = ctx.base?.pgClusters ?? new Map<string, PgCluster>();
  const { removed, common, added } = splitKeys(baseClusters.keys(), ctx.target.pgClusters.keys());
  for (const name of added) {
    const c = ctx.target.pgClusters.get(name);
    if (c === undefined) continue;
    addChange(ctx, { entity: 'pg.cluster', op: 'add', name, summary: `cluster ${name} added (${c.instances.length} instance(s), ${c.users.length} user(s), ${c.databases.length} database(s))`, targetPath: c.path, hint: { t: 'pg-cluster-add', cluster: name, ips: ipsOf(c) } });
  }
  for (const name of removed) {
    const c = baseClusters.get(name);
    if (c === undefined) continue;
    addChange(ctx, { entity: 'pg.cluster', op: 'remove', name, summary: `cluster ${name} removed (${c.instances.length} instance(s))`, basePath: c.path, hint: { t: 'pg-cluster-remove', cluster: name, ips: ipsOf(c) } });
  }
  for (const name of common) {
    const b = baseClusters.get(name);
    const t = ctx.target.pgClusters.get(name);
    if (b === undefined || t === undefined) continue;
    // Most clusters are untouched by a change: one deep comparison of the two models skips them
    // (every diff below is a function of these two models, and equal models have no changes).
    if (sameModel(b, t)) continue;
    diffPgInstances(ctx, b, t);
    diffPgUsers(ctx, b, t);
    diffPgDatabases(ctx, b, t);
    diffPgServices(ctx, b, t);
    const pickHba = (vars: PgCluster['vars']): PgCluster['vars'] => Object.fromEntries(HBA_KEYS.filter((k) => vars[k] !== undefined).map((k) => [k, vars[k] ?? null]));
    const hba = fieldChanges(pickHba(b.vars), pickHba(t.vars));
    if (hba.length > 0) {
      const key = hba[0]?.field ?? 'pg_hba_rules';
      addChange(ctx, { entity: 'pg.hba', op: 'modify', scope: name, name: 'hba', summary: `${name}: ${describeFields(hba)}`, fields: hba, basePath: [...b.path, 'vars', key], targetPath: [...t.path, 'vars', key], hint: { t: 'pg-hba', cluster: name } });
    }
    diffVars(ctx, 'pg.var', name, { level: 'pg-cluster', cluster: name }, { vars: b.vars, path: [...b.path, 'vars'] }, { vars: t.vars, path: [...t.path, 'vars'] }, STRUCTURAL);
  }
}
