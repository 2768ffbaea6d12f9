/**
 * The apply engine: for one environment and a target revision, under the environment's lock,
 * re-plan from the last applied state, refuse what must be refused before touching the node,
 * upload the inventory atomically, run the plan's actions in order, and record everything.
 */
import type { Executor } from '../executor/executor.js';
import type { InventoryDocument, SourceFile } from '../inventory/model.js';
import { GitopsError } from '../util/errors.js';
import { destructiveRefusal, unsafeArgvReason } from './action-guard.js';
import { ApplyLockedError, NotAdoptedError } from './apply-errors.js';
import type { CappedOutputOptions } from './capped-output.js';
import type { UploadContent } from './inventory-upload-content.js';
import type { AppliedStateRecord, ApplyPlan, ApplyStore, EnvironmentLock, NotesWriter, RunStatus } from './ports.js';
import type { RunEventBus } from './run-events.js';
import { runSteps, type StepOutcome } from './run-steps.js';
import { createSecretScrubber, type Scrubber } from './secret-scrubber.js';
import { baseInventoryPath, uploadInventory, uploadSideFile, type UploadInventoryResult } from './upload-inventory.js';

export interface ApplyEnvironmentSettings {
  name: string;
  /** Absolute Pigsty home on the admin node. */
  pigstyHome: string;
  /** Inventory file inside the Pigsty home, e.g. `pigsty.yml`. */
  inventoryFile: string;
  stepTimeoutMs: number;
  pigstyCmdbSync: boolean;
}

export interface PlannedApply {
  plan: ApplyPlan;
  planHash: string;
  /** Secret strings of the applied inventory (old passwords still appear in output), added to the request's. */
  secrets?: readonly string[];
}

export interface ApplyRequest {
  environment: ApplyEnvironmentSettings;
  revision: string;
  /** The target revision's merged inventory, recorded as applied on success. */
  document: InventoryDocument;
  /** The target revision's source files, recorded with the applied state. */
  files: readonly SourceFile[];
  /** What is written to the Pigsty home. */
  upload: UploadContent;
  /**
   * Builds the applied (base) revision's upload content; called only when the plan has actions
   * with `inventory: 'base'` (removals), which run against it.
   */
  baseUpload?(applied: AppliedStateRecord): Promise<UploadContent | undefined>;
  /** Secret strings (of the applied and the target inventory) scrubbed from every output and message. */
  secrets: readonly string[];
  /** Builds the plan from the applied state to the target; called under the lock. */
  planFrom(applied: AppliedStateRecord): Promise<PlannedApply>;
  /** sha256 of the upload content of the applied revision, to name the backup honestly. Optional. */
  appliedUploadSha256?(applied: AppliedStateRecord): Promise<string | undefined>;
  allowDestroy: boolean;
  dryRun: boolean;
  /**
   * The hash of the plan a reviewer approved (e.g. in the pull request). When the plan rebuilt under
   * the lock differs — the applied state moved meanwhile — the run is refused instead of running an
   * unreviewed plan.
   */
  expectedPlanHash?: string;
  /** Wait for the lock instead of refusing when another process holds it. */
  waitForLock: boolean;
  trigger: string;
  actor: string | undefined;
  pullRequest: number | undefined;
  signal?: AbortSignal;
}

export interface ApplyDeps {
  store: ApplyStore;
  /** Opens the connection to the admin node; only called when something will be uploaded or run. */
  connect(): Promise<Executor>;
  events: RunEventBus;
  notes: NotesWriter | undefined;
  now(): Date;
  outputCap?: CappedOutputOptions;
}

/**
 * - `succeeded`: uploaded, every action ran, applied state recorded.
 * - `failed`: a step failed (`failure: 'step'`) or the node could not be reached or written (`'connection'`, `'upload'`).
 * - `refused`: destructive actions without opt-in, or an action that is not a Pigsty command; nothing uploaded or run.
 * - `invalid`: the target inventory is invalid; nothing uploaded or run.
 * - `dry-run`: what would run, recorded; nothing uploaded or run.
 * - `cancelled`: aborted through the signal.
 * - `up-to-date`: the target revision is already applied and the plan is empty; no run recorded.
 */
export type ApplyStatus = 'succeeded' | 'failed' | 'refused' | 'invalid' | 'dry-run' | 'cancelled' | 'up-to-date';

export interface ApplyOutcome {
  status: ApplyStatus;
  environment: string;
  runId: string | undefined;
  revision: string;
  baseRevision: string;
  plan: ApplyPlan;
  planHash: string;
  steps: StepOutcome[];
  upload: UploadInventoryResult | undefined;
  failedStep: StepOutcome | undefined;
  failure: 'step' | 'connection' | 'upload' | undefined;
  /** One-line reason for anything but success; scrubbed. */
  message: string | undefined;
  /** Non-fatal problems (e.g. the git note could not be written). */
  warnings: string[];
}

export async function applyEnvironment(request: ApplyRequest, deps: ApplyDeps): Promise<ApplyOutcome> {
  const env = request.environment.name;
  let lock: EnvironmentLock | undefined;
  if (!request.dryRun) {
    lock = await deps.store.lockEnvironment(env, { wait: request.waitForLock });
    if (lock === undefined) throw new ApplyLockedError(env);
  }
  try {
    const applied = await deps.store.appliedState(env);
    if (applied === undefined) throw new NotAdoptedError(env);
    const { plan, planHash, secrets = [] } = await request.planFrom(applied);
    const scrub = createSecretScrubber([...request.secrets, ...secrets]);
    const outcome: ApplyOutcome = {
      status: 'succeeded',
      environment: env,
      runId: undefined,
      revision: request.revision,
      baseRevision: applied.revision,
      plan,
      planHash,
      steps: [],
      upload: undefined,
      failedStep: undefined,
      failure: undefined,
      message: undefined,
      warnings: [],
    };
    if (plan.valid && plan.actions.length === 0 && applied.revision === request.revision) {
      return { ...outcome, status: 'up-to-date', message: `revision ${request.revision} is already applied to ${env}` };
    }
    return await new RunInProgress(request, deps, applied, outcome, scrub).execute();
  } finally {
    await lock?.release();
  }
}

/** One recorded run; holds the state shared by its phases. */
class RunInProgress {
  private runId = '';

  constructor(
    private readonly request: ApplyRequest,
    private readonly deps: ApplyDeps,
    private readonly applied: AppliedStateRecord,
    private readonly outcome: ApplyOutcome,
    private readonly scrub: Scrubber,
  ) {}

  async execute(): Promise<ApplyOutcome> {
    const { request, deps, outcome } = this;
    const { plan } = outcome;
    this.runId = await deps.store.createRun({
      environment: request.environment.name,
      revision: request.revision,
      baseRevision: this.applied.revision,
      trigger: request.trigger,
      actor: request.actor,
      pullRequest: request.pullRequest,
      dryRun: request.dryRun,
      plan,
      planHash: outcome.planHash,
    });
    outcome.runId = this.runId;
    await deps.store.addSteps(
      this.runId,
      plan.actions.map((a, i) => ({ order: i + 1, actionId: a.id, argv: a.argv })),
    );
    await deps.store.startRun(this.runId, deps.now());
    deps.events.emit({
      type: 'run-started',
      runId: this.runId,
      environment: request.environment.name,
      revision: request.revision,
      dryRun: request.dryRun,
      steps: plan.actions.map((a, i) => ({ order: i + 1, argv: a.argv, risk: a.risk })),
      time: deps.now(),
    });
    try {
      return await this.phases();
    } catch (err) {
      // An unexpected error (the store, a bug): the run must not stay `running`.
      const message = this.scrub(err instanceof Error ? err.message : String(err));
      await this.finish('failed', `internal error: ${message}`).catch(() => undefined);
      throw err;
    }
  }

  private async phases(): Promise<ApplyOutcome> {
    const { request, deps, outcome } = this;
    const { plan } = outcome;
    if (!plan.valid) {
      const errors = plan.diagnostics.filter((d) => d.severity === 'error');
      const first = errors[0];
      const where = first?.file === undefined ? '' : ` (${first.file}:${first.line ?? 0}:${first.column ?? 0})`;
      const message = `target inventory is invalid: ${errors.length} error(s)${first === undefined ? '' : `, first: ${first.code} ${first.message}${where}`}; nothing applied`;
      return this.stopBeforeNode('invalid', message);
    }
    for (const action of plan.actions) {
      const unsafe = unsafeArgvReason(action);
      if (unsafe !== undefined) return this.stopBeforeNode('refused', `refused: action ${action.id}: ${unsafe}`);
    }
    const needsBase = plan.actions.some((a) => a.inventory === 'base');
    const baseContent = needsBase ? await request.baseUpload?.(this.applied) : undefined;
    if (needsBase && baseContent === undefined) {
      return this.stopBeforeNode('refused', `refused: the plan has removals that must run against the applied revision ${this.applied.revision}, whose inventory could not be read`);
    }
    if (request.expectedPlanHash !== undefined && request.expectedPlanHash !== outcome.planHash) {
      return this.stopBeforeNode(
        'refused',
        `refused: the plan changed since it was reviewed (approved ${request.expectedPlanHash.slice(0, 12)}, now ${outcome.planHash.slice(0, 12)}); review the new plan`,
      );
    }
    const refusal = destructiveRefusal(plan.actions, request.allowDestroy);
    if (request.dryRun) {
      const note = refusal === undefined ? '' : ` (a real apply would be ${refusal})`;
      this.outcome.warnings.push(...(refusal === undefined ? [] : [refusal]));
      return this.stopBeforeNode('dry-run', `dry run: nothing uploaded, nothing run; ${plan.actions.length} step(s) would run${note}`);
    }
    if (refusal !== undefined) return this.stopBeforeNode('refused', refusal);

    let executor: Executor;
    try {
      executor = await deps.connect();
    } catch (err) {
      return this.stopBeforeNode('failed', `cannot reach the admin node: ${this.describe(err)}`, 'connection');
    }
    try {
      const previousSha = await request.appliedUploadSha256?.(this.applied);
      const path = `${request.environment.pigstyHome.replace(/\/+$/, '')}/${request.environment.inventoryFile}`;
      deps.events.emit({ type: 'upload-started', runId: this.runId, path, time: deps.now() });
      try {
        outcome.upload = await uploadInventory({
          executor,
          pigstyHome: request.environment.pigstyHome,
          inventoryFile: request.environment.inventoryFile,
          content: request.upload,
          runId: this.runId,
          previousRevision: this.applied.revision,
          previousSha256: previousSha,
          timeoutMs: request.environment.stepTimeoutMs,
        });
      } catch (err) {
        return this.stopBeforeNode('failed', `inventory upload failed: ${this.describe(err)}`, connectionFailure(err) ? 'connection' : 'upload');
      }
      deps.events.emit({
        type: 'upload-finished',
        runId: this.runId,
        path: outcome.upload.path,
        sha256: outcome.upload.sha256,
        backupPath: outcome.upload.backupPath,
        time: deps.now(),
      });
      let basePath: string | undefined;
      if (baseContent !== undefined) {
        basePath = baseInventoryPath(request.environment.pigstyHome, request.environment.inventoryFile, this.applied.revision);
        try {
          await uploadSideFile({
            executor,
            pigstyHome: request.environment.pigstyHome,
            path: basePath,
            content: baseContent,
            runId: this.runId,
            timeoutMs: request.environment.stepTimeoutMs,
          });
        } catch (err) {
          return this.stopBeforeNode('failed', `base inventory upload failed: ${this.describe(err)}`, connectionFailure(err) ? 'connection' : 'upload');
        }
      }
      outcome.steps = await runSteps({
        baseInventoryPath: basePath,
        executor,
        store: deps.store,
        events: deps.events,
        runId: this.runId,
        actions: plan.actions,
        pigstyHome: request.environment.pigstyHome,
        stepTimeoutMs: request.environment.stepTimeoutMs,
        scrub: this.scrub,
        now: deps.now,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        ...(deps.outputCap === undefined ? {} : { outputCap: deps.outputCap }),
      });
    } finally {
      await executor.close().catch(() => undefined);
    }
    return this.conclude();
  }

  private async conclude(): Promise<ApplyOutcome> {
    const { request, deps, outcome } = this;
    const failed = outcome.steps.find((s) => s.status === 'failed' || s.status === 'cancelled');
    if (failed === undefined) {
      await deps.store.recordApplied({
        environment: request.environment.name,
        runId: this.runId,
        revision: request.revision,
        document: request.document,
        files: request.files,
        planHash: outcome.planHash,
        pigstyCmdbSync: request.environment.pigstyCmdbSync,
        finishedAt: deps.now(),
      });
      deps.events.emit({ type: 'run-finished', runId: this.runId, status: 'succeeded', error: undefined, time: deps.now() });
      await this.writeNote('succeeded');
      return { ...outcome, status: 'succeeded' };
    }
    const total = outcome.steps.length;
    const status: RunStatus = failed.status === 'cancelled' ? 'cancelled' : 'failed';
    const message = `step ${failed.order}/${total} (${failed.argv.join(' ')}) ${failed.message ?? 'failed'}; applied state stays at ${this.applied.revision}`;
    await this.finish(status, message);
    await this.writeNote(status);
    const failure = failed.failure === 'connection' ? 'connection' : 'step';
    return { ...outcome, status: status === 'cancelled' ? 'cancelled' : 'failed', failedStep: failed, failure, message };
  }

  /** Ends the run before anything ran on the node: every step is recorded as skipped (its argv shows what would have run). */
  private async stopBeforeNode(status: ApplyStatus, message: string, failure?: 'connection' | 'upload'): Promise<ApplyOutcome> {
    const { plan } = this.outcome;
    for (let order = 1; order <= plan.actions.length; order += 1) await this.deps.store.updateStep(this.runId, order, { status: 'skipped' });
    // A dry run is recorded as `cancelled` (with `dryRun` set) so no audit ever counts it as applied.
    const runStatus: RunStatus = status === 'dry-run' ? 'cancelled' : 'failed';
    await this.finish(runStatus, message);
    if (failure !== undefined) await this.writeNote('failed');
    return { ...this.outcome, status, failure, message };
  }

  private async finish(status: RunStatus, message: string): Promise<void> {
    await this.deps.store.finishRun(this.runId, { status, error: message, finishedAt: this.deps.now() });
    this.deps.events.emit({ type: 'run-finished', runId: this.runId, status, error: message, time: this.deps.now() });
  }

  private async writeNote(status: RunStatus): Promise<void> {
    if (this.deps.notes === undefined) return;
    try {
      await this.deps.notes.addDeploymentNote(this.request.revision, {
        environment: this.request.environment.name,
        status,
        runId: this.runId,
        time: this.deps.now(),
      });
    } catch (err) {
      this.outcome.warnings.push(`git note not written: ${this.describe(err)}`);
    }
  }

  private describe(err: unknown): string {
    const text = err instanceof GitopsError ? `${err.message} [${err.code}]` : err instanceof Error ? err.message : String(err);
    return this.scrub(text);
  }
}

/** SSH connection, host key and authentication errors (the executor's `SSH_*` codes). */
function connectionFailure(err: unknown): boolean {
  return err instanceof GitopsError && err.code.startsWith('SSH_');
}
