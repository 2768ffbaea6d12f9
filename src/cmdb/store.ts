import { hostname } from 'node:os';
import { dirname, basename, join } from 'node:path';
import type { InventoryDocument, SourceFile } from '../inventory/model.js';
import type { SqlDatabase } from './sql.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';
import { migrate } from './migrate.js';
import { acquireFileLock, readHolder, type FileLockHandle } from './file-lock.js';
import { FileLocker } from './file-locker.js';
import { PostgresLocker } from './postgres-lock.js';
import { LockBusyError, type EnvironmentLock, type EnvironmentLocker, type LockOptions } from './environment-lock.js';
import { CmdbError } from './errors.js';
import * as runs from './runs.js';
import * as steps from './steps.js';
import { getAppliedState, upsertAppliedState } from './applied-state.js';
import { listEnvironments, upsertEnvironment } from './environments.js';
import { recordDelivery } from './deliveries.js';
import { getPrPlan, savePrPlan } from './pr-plans.js';
import { syncPigstyCmdb } from './pigsty-sync.js';
import type {
  AppliedStateRecord, EnvironmentRecord, InterruptedRun, ListRunsQuery, NewRun, NewStep, PrPlanRecord,
  RecordAppliedInput, RunFinish, RunRecord, StepRecord, StepUpdate,
} from './types.js';

export interface StoreOptions {
  /** PostgreSQL URL (`METADB_URL`); when undefined the embedded PGlite store in `dataDir` is used. */
  url: string | undefined;
  /** PGlite data directory (absolute). */
  dataDir: string;
  /** Characters of a step's output kept (its end). Default 256 KiB. */
  stepOutputCap?: number;
  /** PGlite: how long to wait for another process to close the data directory. Default 5 s. */
  openTimeoutMs?: number;
  /** PostgreSQL: called when the connection holding an environment lock breaks (the lock is lost). */
  onLockLost?: (environment: string, error: Error) => void;
}

/**
 * Opens the CMDB (PostgreSQL when `url` is set, else PGlite in `dataDir`) and applies pending migrations.
 * PGlite's data directory is single-process: it is guarded by the lock file `<dataDir>.lock` (holder pid,
 * freed when the holder dies), and environment locks are lock files in `<dataDir>.locks/`.
 */
export async function openStore(options: StoreOptions): Promise<CmdbStore> {
  let db: SqlDatabase;
  let locker: EnvironmentLocker;
  let dirLock: FileLockHandle | undefined;
  if (options.url !== undefined && options.url !== '') {
    db = await PostgresDatabase.open(options.url);
    locker = new PostgresLocker(options.url, options.onLockLost);
  } else {
    const lockPath = `${options.dataDir}.lock`;
    dirLock = await acquireFileLock(lockPath, { wait: true, timeoutMs: options.openTimeoutMs ?? 5000 });
    if (dirLock === undefined) {
      const holder = readHolder(lockPath);
      throw new CmdbError(
        'CMDB_BUSY',
        `the embedded CMDB in ${options.dataDir} is in use by process ${holder?.pid ?? '?'}; stop it, or share a PostgreSQL CMDB through METADB_URL`,
        { dataDir: options.dataDir, pid: holder?.pid },
      );
    }
    try {
      db = await PgliteDatabase.open(options.dataDir);
    } catch (err) {
      dirLock.release();
      throw err;
    }
    locker = new FileLocker(join(dirname(options.dataDir), `${basename(options.dataDir)}.locks`));
  }
  const store = new CmdbStore(db, locker, options.stepOutputCap ?? steps.DEFAULT_STEP_OUTPUT_CAP, dirLock);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * The CMDB: environments, runs and steps, applied state, webhook deliveries, PR plans, apply locks.
 * Step output must be scrubbed of secrets by the caller before it is stored.
 */
export class CmdbStore {
  /** `host:pid` recorded on the runs this process starts. */
  readonly runner = `${hostname()}:${process.pid}`;

  constructor(
    readonly db: SqlDatabase,
    private readonly locker: EnvironmentLocker,
    private readonly stepOutputCap: number,
    private readonly dirLock: FileLockHandle | undefined = undefined,
  ) {}

  get kind(): 'pglite' | 'postgres' {
    return this.db.kind;
  }

  /** Applies pending migrations (done by `openStore`); returns the versions applied now. */
  migrate(): Promise<number[]> {
    return migrate(this.db);
  }

  ensureEnvironment(name: string, inventoryPath: string = `environments/${name}`): Promise<void> {
    return upsertEnvironment(this.db, name, inventoryPath);
  }

  environments(): Promise<EnvironmentRecord[]> {
    return listEnvironments(this.db);
  }

  // ── locks ────────────────────────────────────────────────────────────────

  /** Takes the environment's apply lock; resolves undefined when another holder has it (and `wait` is false). */
  lockEnvironment(environment: string, options: LockOptions = { wait: false }): Promise<EnvironmentLock | undefined> {
    return this.locker.tryLock(environment, options);
  }

  /** Runs `fn` holding the environment's lock; throws `LockBusyError` when it is held elsewhere. */
  async withEnvironmentLock<T>(environment: string, fn: () => Promise<T>, options: LockOptions = { wait: false }): Promise<T> {
    const lock = await this.lockEnvironment(environment, options);
    if (lock === undefined) throw new LockBusyError(environment);
    try {
      return await fn();
    } finally {
      await lock.release();
    }
  }

  // ── runs and steps ───────────────────────────────────────────────────────

  /** Creates a run (status `queued` unless given), registering the environment when new. */
  async createRun(run: NewRun): Promise<string> {
    await this.db.query(
      `INSERT INTO gitops.environment (name, inventory_path) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [run.environment, `environments/${run.environment}`],
    );
    return runs.insertRun(this.db, run);
  }

  startRun(runId: string, startedAt: Date = new Date()): Promise<void> {
    return runs.startRun(this.db, runId, startedAt, this.runner);
  }

  addSteps(runId: string, list: readonly NewStep[]): Promise<void> {
    return steps.insertSteps(this.db, runId, list);
  }

  /** Updates a step; `update.output` (the whole output so far, scrubbed by the caller) is capped. */
  updateStep(runId: string, order: number, update: StepUpdate): Promise<void> {
    return steps.updateStep(this.db, runId, order, update, this.stepOutputCap);
  }

  /** Appends scrubbed output to a step, keeping the last `stepOutputCap` characters. */
  appendStepOutput(runId: string, order: number, chunk: string): Promise<void> {
    return steps.appendStepOutput(this.db, runId, order, chunk, this.stepOutputCap);
  }

  /** Ends a run; its steps still pending or running become `cancelled`. */
  finishRun(runId: string, finish: RunFinish): Promise<void> {
    return this.db.transaction(async (tx) => {
      await runs.finishRun(tx, runId, finish);
      await steps.cancelOpenSteps(tx, runId, finish.finishedAt);
    });
  }

  /**
   * In one transaction: the run succeeded, the environment's applied state (inventory, source files,
   * plan hash) is this run's, and — with `pigstyCmdbSync` — Pigsty's `pigsty.*` tables hold the inventory.
   */
  recordApplied(input: RecordAppliedInput): Promise<void> {
    return this.db.transaction(async (tx) => {
      await runs.finishRun(tx, input.runId, { status: 'succeeded', error: undefined, finishedAt: input.finishedAt });
      await upsertAppliedState(tx, {
        environment: input.environment,
        revision: input.revision,
        document: input.document,
        files: input.files ?? [],
        planHash: input.planHash,
        runId: input.runId,
        appliedAt: input.finishedAt,
      });
      if (input.pigstyCmdbSync) await syncPigstyCmdb(tx, input.document);
    });
  }

  /**
   * Records a running deployment's inventory as applied without running anything: a run with trigger
   * `adopt` and no steps, succeeded, and the applied state. Returns the run id.
   */
  async adopt(input: {
    environment: string;
    inventoryPath: string;
    revision: string;
    document: InventoryDocument;
    files: readonly SourceFile[];
    actor: string | undefined;
    pigstyCmdbSync: boolean;
    at?: Date;
  }): Promise<string> {
    const at = input.at ?? new Date();
    await this.ensureEnvironment(input.environment, input.inventoryPath);
    const runId = await runs.insertRun(this.db, {
      environment: input.environment,
      revision: input.revision,
      baseRevision: undefined,
      trigger: 'adopt',
      actor: input.actor,
      pullRequest: undefined,
      status: 'running',
    });
    await this.recordApplied({ ...input, runId, planHash: undefined, finishedAt: at });
    return runId;
  }

  appliedState(environment: string): Promise<AppliedStateRecord | undefined> {
    return getAppliedState(this.db, environment);
  }

  getRun(runId: string): Promise<RunRecord | undefined> {
    return runs.getRun(this.db, runId);
  }

  runPlan(runId: string): Promise<unknown> {
    return runs.getRunPlan(this.db, runId);
  }

  listRuns(query: ListRunsQuery = {}): Promise<RunRecord[]> {
    return runs.listRuns(this.db, query);
  }

  listSteps(runId: string): Promise<StepRecord[]> {
    return steps.listSteps(this.db, runId);
  }

  /**
   * Recovery at start: runs left `running` by a process that died are marked `interrupted`. An
   * environment is only touched when its apply lock is free (a live apply holds it), so this is safe
   * while other processes share the CMDB. Queued runs are left for their owner to start or cancel.
   */
  async markInterruptedRuns(at: Date = new Date()): Promise<InterruptedRun[]> {
    const out: InterruptedRun[] = [];
    for (const environment of await runs.environmentsWithUnfinishedRuns(this.db)) {
      const lock = await this.lockEnvironment(environment, { wait: false });
      if (lock === undefined) continue;
      try {
        const marked = await this.db.transaction(async (tx) => {
          const list = await runs.markRunningInterrupted(tx, environment, at);
          for (const run of list) await steps.cancelOpenSteps(tx, run.runId, at);
          return list;
        });
        for (const run of marked) out.push({ runId: run.runId, environment, revision: run.revision });
      } finally {
        await lock.release();
      }
    }
    return out;
  }

  // ── webhooks and pull requests ───────────────────────────────────────────

  /** True the first time a delivery id is seen, false for a redelivery. */
  recordDelivery(id: string, event: string = 'unknown'): Promise<boolean> {
    return recordDelivery(this.db, id, event);
  }

  savePrPlan(plan: { pullRequest: number; environment: string; revision: string; planHash: string; commentId: number | undefined }): Promise<void> {
    return savePrPlan(this.db, plan);
  }

  getPrPlan(pullRequest: number, environment: string): Promise<PrPlanRecord | undefined> {
    return getPrPlan(this.db, pullRequest, environment);
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      this.dirLock?.release();
    }
  }
}
