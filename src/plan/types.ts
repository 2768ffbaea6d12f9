import type { SourcePosition } from '../inventory/model.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { Action as GeneratedAction, Change as GeneratedChange } from '../generated/plan.js';

// The enumerations come from schemas/plan.schema.json (compiled to src/generated/plan.ts), so the
// JSON contract and the code cannot disagree on them.

/** What an action may do to the running system. */
export type Risk = GeneratedAction['risk'];

/** The entity a change is about (`pg.user`, `redis.instance`…). */
export type ChangeEntity = GeneratedChange['entity'];

export type ChangeOp = GeneratedChange['op'];

/** One field that differs; values of secret fields are never carried (only `secret: true`). */
export interface FieldChange {
  field: string;
  op: ChangeOp;
  /** Redacted display of the old value; absent when the field did not exist or is secret. */
  before?: string;
  after?: string;
  secret?: boolean;
}

/** One semantic difference between base and target. */
export interface Change {
  /** Stable, readable id: `<entity>:<scope>/<name>:<op>`. */
  id: string;
  entity: ChangeEntity;
  op: ChangeOp;
  /** Owning cluster or group, when there is one. */
  scope?: string;
  /** Entity name within the scope (user, database, service, IP, var key…). */
  name: string;
  /** One line for humans, never containing a secret value. */
  summary: string;
  fields: FieldChange[];
  /** Where the entity is in each revision (absent when it does not exist there). */
  base?: SourcePosition;
  target?: SourcePosition;
  /** Set when the change deliberately maps to no command (and why). */
  note?: string;
}

/** A Pigsty command that converges one or more changes. */
export interface Action {
  /** `a01`, `a02`… in execution order. */
  id: string;
  /** e.g. `pgsql-user`, `pgsql-rm`, `playbook`. */
  kind: string;
  /** Relative to the Pigsty home on the admin node. */
  argv: string[];
  risk: Risk;
  reason: string;
  /** Change ids this action converges. */
  changes: string[];
  /** True when no narrow command is known and a human must check the broad one. */
  review?: boolean;
  /**
   * Which revision's inventory the command must run with. Removals of things the target no
   * longer lists (`bin/pgsql-rm pg-old`) only work against the base inventory.
   */
  inventory: 'base' | 'target';
}

export interface PlanRevision {
  /** Display label: a path, `git:REV[:path]`, or `(empty)`. */
  label: string;
  /** Resolved commit, when known. */
  revision?: string;
}

export interface Plan {
  env?: string;
  base: PlanRevision;
  target: PlanRevision;
  /** False when the target inventory (or an argv built from it) is invalid: then no actions. */
  valid: boolean;
  diagnostics: Diagnostic[];
  changes: Change[];
  actions: Action[];
  /** Human notes: destructive opt-in, definitions removed from lists, review flags. */
  notes: string[];
}
