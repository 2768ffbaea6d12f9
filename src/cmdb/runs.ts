import type { SqlExecutor } from './sql.js';
import type { ListRunsQuery, NewRun, RunFinish, RunRecord, RunStatus } from './types.js';
import { CmdbError } from './errors.js';

interface RunRow {
  id: string;
  environment: string;
  revision: string;
  base_revision: string | null;
  trigger: string;
  pull_request: number | null;
  actor: string | null;
  dry_run: boolean;
  plan_hash: string | null;
  status: RunStatus;
  runner: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

export const RUN_COLUMNS = `id::text AS id, environment, revision, base_revision, trigger, pull_request, actor, dry_run,
  plan_hash, status, runner, created_at, started_at, finished_at, error`;

export function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    environment: row.environment,
    revision: row.revision,
    baseRevision: row.base_revision ?? undefined,
    trigger: row.trigger,
    pullRequest: row.pull_request ?? undefined,
    actor: row.actor ?? undefined,
    dryRun: row.dry_run,
    planHash: row.plan_hash ?? undefined,
    status: row.status,
    runner: row.runner ?? undefined,
    createdAt: new Date(row.created_at),
    startedAt: row.started_at === null ? undefined : new Date(row.started_at),
    finishedAt: row.finished_at === null ? undefined : new Date(row.finished_at),
    error: row.error ?? undefined,
  };
}

/** Inserts a run (status `queued` unless given) and returns its id. The environment must exist. */
export async function insertRun(sql: SqlExecutor, run: NewRun): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO gitops.run (environment, revision, base_revision, trigger, pull_request, actor, dry_run, plan, plan_hash, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id::text AS id`,
    [
      run.environment,
      run.revision,
      run.baseRevision ?? null,
      run.trigger,
      run.pullRequest ?? null,
      run.actor ?? null,
      run.dryRun ?? false,
      run.plan === undefined ? null : JSON.stringify(run.plan),
      run.planHash ?? null,
      run.status ?? 'queued',
    ],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new CmdbError('CMDB_QUERY', 'inserting a run returned no id');
  return id;
}

/** `queued` → `running`, recording who runs it (`host:pid`). */
export async function startRun(sql: SqlExecutor, runId: string, startedAt: Date, runner: string): Promise<void> {
  const rows = await sql.query(
    `UPDATE gitops.run SET status = 'running', started_at = $2, runner = $3 WHERE id = $1::bigint AND status IN ('queued', 'running') RETURNING id`,
    [runId, startedAt, runner],
  );
  if (rows.length === 0) throw new CmdbError('CMDB_STATE', `run ${runId} cannot start: not queued`, { runId });
}

export async function finishRun(sql: SqlExecutor, runId: string, finish: RunFinish): Promise<void> {
  const rows = await sql.query(
    `UPDATE gitops.run SET status = $2, error = $3, finished_at = $4 WHERE id = $1::bigint RETURNING id`,
    [runId, finish.status, finish.error ?? null, finish.finishedAt],
  );
  if (rows.length === 0) throw new CmdbError('CMDB_NOT_FOUND', `no run ${runId}`, { runId });
}

export async function getRun(sql: SqlExecutor, runId: string): Promise<RunRecord | undefined> {
  if (!/^[0-9]+$/.test(runId)) return undefined;
  const rows = await sql.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM gitops.run WHERE id = $1::bigint`, [runId]);
  return rows[0] === undefined ? undefined : toRunRecord(rows[0]);
}

/** The stored plan of a run, as recorded (JSON). */
export async function getRunPlan(sql: SqlExecutor, runId: string): Promise<unknown> {
  const rows = await sql.query<{ plan: unknown }>('SELECT plan FROM gitops.run WHERE id = $1::bigint', [runId]);
  return rows[0]?.plan ?? undefined;
}

/** Runs newest first, filtered by environment, revisions and status. */
export async function listRuns(sql: SqlExecutor, query: ListRunsQuery = {}): Promise<RunRecord[]> {
  const where: string[] = [];
  const params: (string | number | readonly string[])[] = [];
  if (query.environment !== undefined) {
    params.push(query.environment);
    where.push(`environment = $${params.length}`);
  }
  if (query.revisions !== undefined) {
    params.push(query.revisions);
    where.push(`revision = ANY($${params.length}::text[])`);
  }
  if (query.status !== undefined) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  params.push(query.limit ?? 1000);
  const rows = await sql.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM gitops.run ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toRunRecord);
}

/** Environments having runs still `queued` or `running`. */
export async function environmentsWithUnfinishedRuns(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ environment: string }>(
    `SELECT DISTINCT environment FROM gitops.run WHERE status IN ('queued', 'running') ORDER BY environment`,
  );
  return rows.map((r) => r.environment);
}

/** Marks the environment's `running` runs `interrupted` (call only while holding its lock). */
export async function markRunningInterrupted(sql: SqlExecutor, environment: string, at: Date): Promise<{ runId: string; revision: string }[]> {
  return sql.query<{ runId: string; revision: string }>(
    `UPDATE gitops.run SET status = 'interrupted', finished_at = $2,
       error = 'the process running it stopped before it finished'
     WHERE environment = $1 AND status = 'running'
     RETURNING id::text AS "runId", revision`,
    [environment, at],
  );
}
