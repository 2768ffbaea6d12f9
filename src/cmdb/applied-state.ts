import type { InventoryDocument, SourceFile } from '../inventory/model.js';
import type { SqlExecutor } from './sql.js';
import type { AppliedStateRecord } from './types.js';

interface AppliedRow {
  environment: string;
  revision: string;
  inventory: InventoryDocument;
  sources: SourceFile[];
  plan_hash: string | null;
  run_id: string | null;
  applied_at: Date;
}

export async function getAppliedState(sql: SqlExecutor, environment: string): Promise<AppliedStateRecord | undefined> {
  const rows = await sql.query<AppliedRow>(
    `SELECT environment, revision, inventory, sources, plan_hash, run_id::text AS run_id, applied_at
     FROM gitops.applied_state WHERE environment = $1`,
    [environment],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    environment: row.environment,
    revision: row.revision,
    document: row.inventory,
    files: row.sources,
    planHash: row.plan_hash ?? undefined,
    runId: row.run_id ?? undefined,
    appliedAt: new Date(row.applied_at),
  };
}

export async function upsertAppliedState(
  sql: SqlExecutor,
  state: { environment: string; revision: string; document: InventoryDocument; files: readonly SourceFile[]; planHash: string | undefined; runId: string; appliedAt: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO gitops.applied_state (environment, revision, inventory, sources, plan_hash, run_id, applied_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6::bigint, $7)
     ON CONFLICT (environment) DO UPDATE SET revision = EXCLUDED.revision, inventory = EXCLUDED.inventory,
       sources = EXCLUDED.sources, plan_hash = EXCLUDED.plan_hash, run_id = EXCLUDED.run_id, applied_at = EXCLUDED.applied_at`,
    [
      state.environment,
      state.revision,
      JSON.stringify(state.document),
      JSON.stringify(state.files.map((f) => ({ path: f.path, text: f.text }))),
      state.planHash ?? null,
      state.runId,
      state.appliedAt,
    ],
  );
}
