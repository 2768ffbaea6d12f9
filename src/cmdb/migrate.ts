import type { SqlDatabase } from './sql.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';
import { CmdbError } from './errors.js';

/** Advisory lock key (pg_advisory_xact_lock(int, int)) serialising migrations across processes. */
export const LOCK_NAMESPACE = 0x70677470; // 'pgtp'
const MIGRATION_LOCK_KEY = 0;

/**
 * Applies the migrations not yet recorded in `gitops.schema_migration`, all in one transaction under a
 * transaction-level advisory lock: two processes starting at once apply each migration exactly once,
 * the second waits and then finds nothing left to do. Returns the versions it applied.
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
      await tx.query('CREATE SCHEMA IF NOT EXISTS gitops');
      await tx.query(`CREATE TABLE IF NOT EXISTS gitops.schema_migration (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const done = new Set(
        (await tx.query<{ version: number }>('SELECT version FROM gitops.schema_migration')).map((r) => r.version),
      );
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        for (const statement of splitStatements(migration.sql)) await tx.query(statement);
        await tx.query('INSERT INTO gitops.schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        applied.push(migration.version);
      }
      return applied;
    });
  } catch (err) {
    if (err instanceof CmdbError) throw err;
    throw new CmdbError('CMDB_MIGRATE', `CMDB migration failed: ${(err as Error).message}`, {}, { cause: err });
  }
}

/** Splits a migration into statements at `;` line ends (migrations contain no function bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim().replace(/;$/, ''))
    .filter((s) => s !== '');
}
