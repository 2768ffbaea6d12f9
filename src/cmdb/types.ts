/**
 * Records the CMDB stores. Run ids are decimal strings (BIGSERIAL). Shapes are structurally
 * compatible with the apply engine's ports (src/apply/ports.ts) so the store can be passed as is.
 */
import type { InventoryDocument, SourceFile } from '../inventory/model.js';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted' | 'cancelled';
export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'succeeded', 'failed', 'interrupted', 'cancelled'];

export interface EnvironmentRecord {
  name: string;
  inventoryPath: string;
  createdAt: Date;
}

export interface NewRun {
  environment: string;
  revision: string;
  baseRevision: string | undefined;
  /** `push`, `webhook`, `cli`, `adopt`, `poll`… */
  trigger: string;
  actor: string | undefined;
  pullRequest: number | undefined;
  dryRun?: boolean;
  /** The plan (JSON-serialisable) as it will be run. Must not contain secrets (plans are redacted by construction). */
  plan?: unknown;
  planHash?: string;
  /** Starting status, `queued` by default. */
  status?: RunStatus;
}

export interface RunRecord {
  id: string;
  environment: string;
  revision: string;
  baseRevision: string | undefined;
  trigger: string;
  pullRequest: number | undefined;
  actor: string | undefined;
  dryRun: boolean;
  planHash: string | undefined;
  status: RunStatus;
  runner: string | undefined;
  createdAt: Date;
  startedAt: Date | undefined;
  finishedAt: Date | undefined;
  error: string | undefined;
}

export interface NewStep {
  order: number;
  actionId: string;
  argv: readonly string[];
}

export interface StepUpdate {
  status: StepStatus;
  exitCode?: number | null;
  startedAt?: Date;
  finishedAt?: Date;
  /** Full output so far, already scrubbed of secrets by the caller; capped by the store. */
  output?: string;
}

export interface StepRecord {
  runId: string;
  order: number;
  actionId: string;
  argv: string[];
  status: StepStatus;
  exitCode: number | undefined;
  startedAt: Date | undefined;
  finishedAt: Date | undefined;
  output: string;
  outputTruncated: boolean;
}

export interface RunFinish {
  status: RunStatus;
  /** One-line user-facing reason; never contains secrets. */
  error: string | undefined;
  finishedAt: Date;
}

export interface AppliedStateRecord {
  environment: string;
  revision: string;
  /** The applied inventory as loaded (real values, secrets included: needed to re-plan). */
  document: InventoryDocument;
  /** The source files' text, as applied. */
  files: SourceFile[];
  planHash: string | undefined;
  runId: string | undefined;
  appliedAt: Date;
}

export interface RecordAppliedInput {
  environment: string;
  runId: string;
  revision: string;
  document: InventoryDocument;
  files?: readonly SourceFile[];
  planHash: string | undefined;
  /** Also load the inventory into Pigsty's `pigsty.*` tables, in the same transaction. */
  pigstyCmdbSync: boolean;
  finishedAt: Date;
}

export interface InterruptedRun {
  runId: string;
  environment: string;
  revision: string;
}

export interface PrPlanRecord {
  pullRequest: number;
  environment: string;
  revision: string;
  planHash: string;
  commentId: number | undefined;
  updatedAt: Date;
}

export interface ListRunsQuery {
  environment?: string;
  revisions?: readonly string[];
  status?: RunStatus;
  limit?: number;
}
