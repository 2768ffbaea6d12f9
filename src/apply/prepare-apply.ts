/**
 * Turns (repository, environment, revision) into an apply request: the target inventory is read at
 * the revision and validated; the plan is built, under the lock, from the inventory the CMDB records
 * as applied (never from the node's file, never from a guessed base).
 */
import type { EnvironmentConfig } from '../config/types.js';
import { GitRevisionProvider } from '../git/revision-provider.js';
import { buildInventory } from '../inventory/build.js';
import type { InventoryDocument, LoadedInventory, YamlValue } from '../inventory/model.js';
import { collectSecretStrings } from '../inventory/secrets.js';
import { buildPlan } from '../plan/plan.js';
import { planHash } from '../plan/plan-hash.js';
import { InputError } from '../util/errors.js';
import type { Validator } from '../validate/validate.js';
import type { ApplyRequest } from './apply-environment.js';
import { inventoryUploadContent, type UploadContent } from './inventory-upload-content.js';
import type { AppliedStateRecord } from './ports.js';

export interface PrepareApplyInput {
  repoDir: string;
  gitEnv: NodeJS.ProcessEnv;
  environment: EnvironmentConfig;
  /** Any revision git understands. */
  rev: string;
  validator: Validator;
  allowDestroy: boolean;
  dryRun: boolean;
  waitForLock: boolean;
  trigger: string;
  actor: string | undefined;
  pullRequest: number | undefined;
}

export async function prepareApply(input: PrepareApplyInput): Promise<ApplyRequest> {
  const provider = await GitRevisionProvider.open(input.repoDir, input.rev, input.gitEnv);
  const revision = provider.commit;
  const result = await input.validator.validateSource(provider, input.environment.inventoryPath);
  const loaded = result.loaded;
  if (loaded === undefined) {
    const first = result.diagnostics[0];
    throw new InputError(`${input.environment.inventoryPath} at ${revision.slice(0, 12)} cannot be loaded${first === undefined ? '' : `: ${first.message}`}`);
  }
  const targetSecrets = collectSecretStrings(asYaml(loaded.document));
  return {
    environment: {
      name: input.environment.name,
      pigstyHome: input.environment.pigstyHome,
      inventoryFile: input.environment.inventoryFile,
      stepTimeoutMs: input.environment.timeouts.stepMs,
      pigstyCmdbSync: input.environment.pigstyCmdbSync,
    },
    revision,
    document: loaded.document,
    files: loaded.files,
    upload: inventoryUploadContent(loaded, revision),
    secrets: [...targetSecrets],
    async planFrom(applied) {
      const baseLoaded = appliedAsLoaded(applied);
      const plan = buildPlan({
        env: input.environment.name,
        base: { label: `applied:${applied.revision.slice(0, 12)}`, revision: applied.revision, inventory: buildInventory(baseLoaded) },
        target: { label: `git:${revision.slice(0, 12)}`, revision, inventory: result.inventory, valid: result.valid, diagnostics: result.diagnostics },
      });
      return { plan, planHash: planHash(plan), secrets: [...collectSecretStrings(asYaml(applied.document))] };
    },
    baseUpload: async (applied) => appliedUploadContent(applied),
    appliedUploadSha256: async (applied) => appliedUploadContent(applied).sha256,
    allowDestroy: input.allowDestroy,
    dryRun: input.dryRun,
    waitForLock: input.waitForLock,
    trigger: input.trigger,
    actor: input.actor,
    pullRequest: input.pullRequest,
  };
}

/** The applied inventory as a loaded one (no positions: it is only planned from, never reported on). */
export function appliedAsLoaded(applied: AppliedStateRecord): LoadedInventory {
  const files = [...(applied.files ?? [])];
  return {
    origin: `applied:${applied.revision.slice(0, 12)}`,
    layout: files.length === 1 ? 'single' : 'split',
    document: applied.document,
    files,
    locate: () => undefined,
  };
}

/** What was uploaded for the applied revision: its single file verbatim, or the merged document. */
export function appliedUploadContent(applied: AppliedStateRecord): UploadContent {
  return inventoryUploadContent(appliedAsLoaded(applied), applied.revision);
}

function asYaml(document: InventoryDocument): YamlValue {
  // An inventory document is plain YAML data by construction (see model.ts).
  return document as unknown as YamlValue;
}
