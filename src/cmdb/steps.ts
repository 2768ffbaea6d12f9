import type { SqlExecutor } from './sql.js';
import type { NewStep, StepRecord, StepStatus, StepUpdate } from './types.js';
import { CmdbError } from './errors.js';

/** Default cap of a step's stored output, in characters; the end of the output is kept. */
export const DEFAULT_STEP_OUTPUT_CAP = 256 * 1024;

/** Adds a run's steps (status `pending`) in one statement. */
export async function insertSteps(sql: SqlExecutor, runId: string, steps: readonly NewStep[]): Promise<void> {
  if (steps.length === 0) return;
  await sql.query(
    `INSERT INTO gitops.step (run_id, ordinal, action_id, argv)
     SELECT $1::bigint, s.ordinal, s.action_id, s.argv
     FROM jsonb_to_recordset($2::jsonb) AS s(ordinal INTEGER, action_id TEXT, argv JSONB)`,
    [runId, JSON.stringify(steps.map((s) => ({ ordinal: s.order, action_id: s.actionId, argv: s.argv })))],
  );
}

/**
 * Updates a step's status, exit code, times and (when given) its whole output, capped to the last
 * `cap` characters. The output must already be scrubbed of secrets by the caller.
 */
export async function updateStep(sql: SqlExecutor, runId: string, order: number, update: StepUpdate, cap: number = DEFAULT_STEP_OUTPUT_CAP): Promise<void> {
  const output = update.output === undefined ? null : capOutput(update.output, cap);
  const rows = await sql.query(
    `UPDATE gitops.step SET status = $3,
       exit_code = CASE WHEN $4::boolean THEN $5::integer ELSE exit_code END,
       started_at = COALESCE($6, started_at), finished_at = COALESCE($7, finished_at),
       output = COALESCE($8, output),
       output_truncated = CASE WHEN $8::text IS NULL THEN output_truncated ELSE $9 END
     WHERE run_id = $1::bigint AND ordinal = $2 RETURNING ordinal`,
    [
      runId,
      order,
      update.status,
      update.exitCode !== undefined,
      update.exitCode ?? null,
      update.startedAt ?? null,
      update.finishedAt ?? null,
      output?.text ?? null,
      output?.truncated ?? false,
    ],
  );
  if (rows.length === 0) throw new CmdbError('CMDB_NOT_FOUND', `no step ${order} in run ${runId}`, { runId, order });
}

/** Appends a chunk (already scrubbed) to a step's output, keeping the last `cap` characters. */
export async function appendStepOutput(sql: SqlExecutor, runId: string, order: number, chunk: string, cap: number = DEFAULT_STEP_OUTPUT_CAP): Promise<void> {
  await sql.query(
    `UPDATE gitops.step SET
       output_truncated = output_truncated OR length(output) + length($3) > $4,
       output = right(output || $3, $4)
     WHERE run_id = $1::bigint AND ordinal = $2`,
    [runId, order, chunk, cap],
  );
}

interface StepRow {
  run_id: string;
  ordinal: number;
  action_id: string;
  argv: string[];
  status: StepStatus;
  exit_code: number | null;
  started_at: Date | null;
  finished_at: Date | null;
  output: string;
  output_truncated: boolean;
}

export async function listSteps(sql: SqlExecutor, runId: string): Promise<StepRecord[]> {
  const rows = await sql.query<StepRow>(
    `SELECT run_id::text AS run_id, ordinal, action_id, argv, status, exit_code, started_at, finished_at, output, output_truncated
     FROM gitops.step WHERE run_id = $1::bigint ORDER BY ordinal`,
    [runId],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    order: r.ordinal,
    actionId: r.action_id,
    argv: r.argv,
    status: r.status,
    exitCode: r.exit_code ?? undefined,
    startedAt: r.started_at === null ? undefined : new Date(r.started_at),
    finishedAt: r.finished_at === null ? undefined : new Date(r.finished_at),
    output: r.output,
    outputTruncated: r.output_truncated,
  }));
}

/** Steps still pending or running in a run that ended: marked `cancelled`. */
export async function cancelOpenSteps(sql: SqlExecutor, runId: string, at: Date): Promise<void> {
  await sql.query(
    `UPDATE gitops.step SET status = 'cancelled', finished_at = COALESCE(finished_at, $2)
     WHERE run_id = $1::bigint AND status IN ('pending', 'running')`,
    [runId, at],
  );
}

function capOutput(text: string, cap: number): { text: string; truncated: boolean } {
  return text.length <= cap ? { text, truncated: false } : { text: text.slice(text.length - cap), truncated: true };
}
