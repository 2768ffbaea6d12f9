/**
 * Loads an inventory into Pigsty's own CMDB tables (`pigsty.group`, `pigsty.host`, `pigsty.global_var`,
 * `pigsty.group_var`, `pigsty.host_var`), with the semantics of Pigsty's `bin/inventory_load`:
 *  - the five tables are emptied, then filled from the document, in the caller's transaction;
 *  - `all.vars` → global_var (one row per key, value as JSONB);
 *  - each `all.children.<cls>` → group; its `vars` → group_var; its `hosts` keys → host (`ip` INET);
 *    each host's inline vars → host_var;
 *  - hosts listed directly under `all.hosts` and nested `children` of a group are not loaded
 *    (inventory_load ignores them too); a host or group with `null` vars loads no vars.
 * When the `pigsty` schema or its tables are absent (no Pigsty `files/cmdb.sql` loaded), the minimal
 * tables and an `inventory` view are created first (same columns and keys as Pigsty's).
 */
import type { InventoryDocument, Vars } from '../inventory/model.js';
import type { SqlExecutor } from './sql.js';

export async function syncPigstyCmdb(sql: SqlExecutor, document: InventoryDocument): Promise<void> {
  await ensurePigstyTables(sql);
  const globalVars = withoutEmptyKeys(document.all.vars ?? {});
  const groups = document.all.children ?? {};
  const groupNames = Object.keys(groups);
  const groupVars: Record<string, Vars> = {};
  const hosts: [string, string][] = [];
  const hostVars: [string, string, string, unknown][] = [];
  for (const [cls, group] of Object.entries(groups)) {
    groupVars[cls] = withoutEmptyKeys(group?.vars ?? {});
    for (const [ip, vars] of Object.entries(group?.hosts ?? {})) {
      hosts.push([cls, ip]);
      for (const [key, value] of Object.entries(withoutEmptyKeys(vars ?? {}))) hostVars.push([cls, ip, key, value]);
    }
  }
  await sql.query('TRUNCATE pigsty."group", pigsty.host, pigsty.group_var, pigsty.host_var, pigsty.global_var');
  await sql.query('INSERT INTO pigsty.global_var (key, value) SELECT key, value FROM jsonb_each($1::jsonb)', [JSON.stringify(globalVars)]);
  await sql.query('INSERT INTO pigsty."group" (cls) SELECT jsonb_array_elements_text($1::jsonb)', [JSON.stringify(groupNames)]);
  await sql.query(
    `INSERT INTO pigsty.group_var (cls, key, value)
     SELECT g.key, v.key, v.value FROM jsonb_each($1::jsonb) AS g, jsonb_each(g.value) AS v`,
    [JSON.stringify(groupVars)],
  );
  await sql.query(
    `INSERT INTO pigsty.host (cls, ip) SELECT h->>0, (h->>1)::inet FROM jsonb_array_elements($1::jsonb) AS h`,
    [JSON.stringify(hosts)],
  );
  await sql.query(
    `INSERT INTO pigsty.host_var (cls, ip, key, value)
     SELECT h->>0, (h->>1)::inet, h->>2, h->3 FROM jsonb_array_elements($1::jsonb) AS h`,
    [JSON.stringify(hostVars)],
  );
}

/** `SELECT text FROM pigsty.inventory`: the Ansible dynamic inventory Pigsty's CMDB serves. */
export async function readPigstyInventory(sql: SqlExecutor): Promise<Record<string, unknown> | undefined> {
  const rows = await sql.query<{ text: Record<string, unknown> | null }>('SELECT text FROM pigsty.inventory');
  return rows[0]?.text ?? undefined;
}

/** Pigsty's keys carry `CHECK (key != '')`; an empty key cannot be stored. */
function withoutEmptyKeys(vars: Vars): Vars {
  if (!Object.hasOwn(vars, '')) return vars;
  const copy = { ...vars };
  delete copy[''];
  return copy;
}

/** Creates schema `pigsty` and the five tables (plus the `inventory` view) when missing. */
export async function ensurePigstyTables(sql: SqlExecutor): Promise<void> {
  const rows = await sql.query<{ present: number }>(
    `SELECT count(*)::int AS present FROM (VALUES ('pigsty.group'), ('pigsty.host'), ('pigsty.global_var'),
       ('pigsty.group_var'), ('pigsty.host_var'), ('pigsty.inventory')) AS t(name) WHERE to_regclass(name) IS NOT NULL`,
  );
  if (rows[0]?.present === 6) return;
  await sql.query('CREATE SCHEMA IF NOT EXISTS pigsty');
  const aggregate = await sql.query<{ present: boolean }>(`SELECT to_regprocedure('pigsty.vars_agg(jsonb)') IS NOT NULL AS present`);
  if (aggregate[0]?.present !== true) {
    await sql.query(`CREATE AGGREGATE pigsty.vars_agg(jsonb) (SFUNC = jsonb_concat, STYPE = jsonb, INITCOND = '{}')`);
  }
  for (const statement of MINIMAL_PIGSTY_SCHEMA) await sql.query(statement);
}

const MINIMAL_PIGSTY_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS pigsty."group" (
     cls TEXT PRIMARY KEY, ctime TIMESTAMPTZ NOT NULL DEFAULT now(), mtime TIMESTAMPTZ NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS pigsty.host (
     cls TEXT NOT NULL REFERENCES pigsty."group" (cls) ON DELETE CASCADE ON UPDATE CASCADE,
     ip INET NOT NULL, ctime TIMESTAMPTZ NOT NULL DEFAULT now(), mtime TIMESTAMPTZ NOT NULL DEFAULT now(),
     PRIMARY KEY (cls, ip))`,
  `CREATE TABLE IF NOT EXISTS pigsty.global_var (
     key TEXT PRIMARY KEY CHECK (key != ''), value JSONB NULL, mtime TIMESTAMPTZ DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS pigsty.group_var (
     cls TEXT NOT NULL REFERENCES pigsty."group" (cls) ON DELETE CASCADE ON UPDATE CASCADE,
     key TEXT NOT NULL CHECK (key != ''), value JSONB NULL, mtime TIMESTAMPTZ DEFAULT now(),
     PRIMARY KEY (cls, key))`,
  `CREATE TABLE IF NOT EXISTS pigsty.host_var (
     cls TEXT NOT NULL, ip INET NOT NULL, key TEXT NOT NULL CHECK (key != ''), value JSONB NULL,
     mtime TIMESTAMPTZ DEFAULT now(), PRIMARY KEY (cls, ip, key),
     FOREIGN KEY (cls, ip) REFERENCES pigsty.host (cls, ip) ON DELETE CASCADE ON UPDATE CASCADE)`,
  // Ansible dynamic inventory: all.children = group names, <group>.hosts = ips,
  // _meta.hostvars.<ip> = global vars || each group's vars || host vars (groups in name order).
  `CREATE OR REPLACE VIEW pigsty.inventory AS
   WITH gv AS (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) AS vars FROM pigsty.global_var),
   cv AS (SELECT cls, jsonb_object_agg(key, value) AS vars FROM pigsty.group_var GROUP BY cls),
   hv AS (SELECT cls, ip, jsonb_object_agg(key, value) AS vars FROM pigsty.host_var GROUP BY cls, ip),
   hostvars AS (
     SELECT host(h.ip) AS ip, pigsty.vars_agg(coalesce(cv.vars, '{}'::jsonb) || coalesce(hv.vars, '{}'::jsonb) ORDER BY h.cls) AS vars
     FROM pigsty.host h LEFT JOIN cv ON cv.cls = h.cls LEFT JOIN hv ON hv.cls = h.cls AND hv.ip = h.ip
     GROUP BY h.ip
   )
   SELECT jsonb_build_object('all', jsonb_build_object('children',
            coalesce((SELECT jsonb_agg(cls ORDER BY cls) FROM pigsty."group"), '[]'::jsonb)))
     || coalesce((SELECT jsonb_object_agg(cls, jsonb_build_object('hosts', hosts))
                  FROM (SELECT cls, jsonb_agg(host(ip) ORDER BY ip) AS hosts FROM pigsty.host GROUP BY cls) c), '{}'::jsonb)
     || jsonb_build_object('_meta', jsonb_build_object('hostvars',
            coalesce((SELECT jsonb_object_agg(hostvars.ip, gv.vars || hostvars.vars) FROM hostvars, gv), '{}'::jsonb))) AS text`,
];
