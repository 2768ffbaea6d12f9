import type { SqlExecutor } from './sql.js';

/**
 * Records a webhook delivery id; resolves true the first time, false for a redelivery
 * (GitHub's `X-GitHub-Delivery` is unique per delivery, retries reuse it).
 */
export async function recordDelivery(sql: SqlExecutor, id: string, event: string): Promise<boolean> {
  const rows = await sql.query(
    'INSERT INTO gitops.delivery (id, event) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
    [id, event],
  );
  return rows.length === 1;
}
