/**
 * The narrow interfaces the apply engine needs from the outside world (record types are the
 * CMDB's and the plan's own, re-exported). The real CMDB store,
 * git notes writer and plan builder are adapted to these in `src/commands/apply.ts`
 * (see `cmdb-apply-store.ts`); tests pass the real ones too.
 */
import type { InventoryDocument, SourceFile } from '../inventory/model.js';
import type { InterruptedRun, NewStep, RunFinish, RunStatus, StepStatus, StepUpdate } from '../cmdb/types.js';
import type { Risk } from '../plan/types.js';

// The store's own record types: apply writes exactly what the CMDB records.
export type { InterruptedRun, NewStep, RunFinish, RunStatus, StepStatus, StepUpdate };
export type { Risk };

/** What apply needs of a plan action (structurally the plan module's `Action`). */
export interface ApplyAction {
  id: string;
  kind: string;
  /** Relative to the Pigsty home, e.g. `['bin/pgsql-add', 'pg-test']` or `['./pgsql.yml', '-l', 'pg-test', '-t', 'pg_hba']`. */
  argv: readonly string[];
  risk: Risk;
  reason: string;
  /**
   * Which revision's inventory the command must see. `base`: removals of what the target no longer
   * lists; they run with `ANSIBLE_INVENTORY` pointing at the uploaded base inventory. Default `target`.
   */
  inventory?: 'base' | 'target';
}

export interface ApplyPlanDiagnostic {
  severity: string;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ApplyPlanRevision {
  label: string;
  revision?: string;
}

/** What apply needs of a plan (structurally the plan module's `Plan`). */
export interface ApplyPlan {
  base: ApplyPlanRevision;
  target: ApplyPlanRevision;
  valid: boolean;
  diagnostics: readonly ApplyPlanDiagnostic[];
  actions: readonly ApplyAction[];
}

/** The environment's last applied state, as recorded in the CMDB. */
export interface AppliedStateRecord {
  revision: string;
  document: InventoryDocument;
  /** The applied source files' text, when the store kept them (used to upload the base inventory). */
  files?: readonly SourceFile[];
  planHash: string | undefined;
  runId: string | undefined;
}

export interface NewRun {
  environment: string;
  revision: string;
  baseRevision: string | undefined;
  trigger: string;
  actor: string | undefined;
  pullRequest: number | undefined;
  dryRun: boolean;
  /** The plan exactly as it will be (or would be) run; rendered by the store as JSON. */
  plan: ApplyPlan;
  planHash: string;
}

/** A held environment lock; `release` is idempotent. */
export interface EnvironmentLock {
  release(): Promise<void>;
}

export interface ApplyStore {
  /** Takes the environment's apply lock; resolves undefined when another holder has it and `wait` is false. */
  lockEnvironment(environment: string, options: { wait: boolean }): Promise<EnvironmentLock | undefined>;
  appliedState(environment: string): Promise<AppliedStateRecord | undefined>;
  createRun(run: NewRun): Promise<string>;
  startRun(runId: string, startedAt: Date): Promise<void>;
  addSteps(runId: string, steps: readonly NewStep[]): Promise<void>;
  updateStep(runId: string, order: number, update: StepUpdate): Promise<void>;
  finishRun(runId: string, finish: RunFinish): Promise<void>;
  /**
   * Records the applied state (and, when `pigstyCmdbSync`, loads the inventory into Pigsty's CMDB)
   * in one transaction, together with marking the run succeeded.
   */
  recordApplied(input: {
    environment: string;
    runId: string;
    revision: string;
    document: InventoryDocument;
    files: readonly SourceFile[];
    planHash: string;
    pigstyCmdbSync: boolean;
    finishedAt: Date;
  }): Promise<void>;
  /** Marks runs left `running` by a dead process as `interrupted` and returns them. */
  markInterruptedRuns(): Promise<InterruptedRun[]>;
}

/** A git note under `refs/notes/pigsty-gitops` on the applied commit. */
export interface DeploymentNote {
  environment: string;
  status: RunStatus;
  runId: string;
  time: Date;
}

export interface NotesWriter {
  addDeploymentNote(revision: string, note: DeploymentNote): Promise<void>;
}
