import type { SqlExecutor } from './sql.js';
import type { PrPlanRecord } from './types.js';

/** Saves the latest plan of a pull request for an environment (and the id of its sticky comment). */
export async function savePrPlan(
  sql: SqlExecutor,
  plan: { pullRequest: number; environment: string; revision: string; planHash: string; commentId: number | undefined },
): Promise<void> {
  await sql.query(
    `INSERT INTO gitops.pr_plan (pull_request, environment, revision, plan_hash, comment_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (pull_request, environment) DO UPDATE SET revision = EXCLUDED.revision, plan_hash = EXCLUDED.plan_hash,
       comment_id = COALESCE(EXCLUDED.comment_id, gitops.pr_plan.comment_id), updated_at = now()`,
    [plan.pullRequest, plan.environment, plan.revision, plan.planHash, plan.commentId ?? null],
  );
}

export async function getPrPlan(sql: SqlExecutor, pullRequest: number, environment: string): Promise<PrPlanRecord | undefined> {
  const rows = await sql.query<{ pull_request: number; environment: string; revision: string; plan_hash: string; comment_id: string | null; updated_at: Date }>(
    `SELECT pull_request, environment, revision, plan_hash, comment_id::text AS comment_id, updated_at
     FROM gitops.pr_plan WHERE pull_request = $1 AND environment = $2`,
    [pullRequest, environment],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    pullRequest: row.pull_request,
    environment: row.environment,
    revision: row.revision,
    planHash: row.plan_hash,
    commentId: row.comment_id === null ? undefined : Number(row.comment_id),
    updatedAt: new Date(row.updated_at),
  };
}
