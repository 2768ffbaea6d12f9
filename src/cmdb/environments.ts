import type { SqlExecutor } from './sql.js';
import type { EnvironmentRecord } from './types.js';

/** Registers an environment (or updates its inventory path). */
export async function upsertEnvironment(sql: SqlExecutor, name: string, inventoryPath: string): Promise<void> {
  await sql.query(
    `INSERT INTO gitops.environment (name, inventory_path) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET inventory_path = EXCLUDED.inventory_path`,
    [name, inventoryPath],
  );
}

export async function listEnvironments(sql: SqlExecutor): Promise<EnvironmentRecord[]> {
  const rows = await sql.query<{ name: string; inventory_path: string; created_at: Date }>(
    'SELECT name, inventory_path, created_at FROM gitops.environment ORDER BY name',
  );
  return rows.map((r) => ({ name: r.name, inventoryPath: r.inventory_path, createdAt: new Date(r.created_at) }));
}
