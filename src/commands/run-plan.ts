/** The `plan` command's action, loaded only when the command runs (keeps CLI start-up small). */
import { buildInventory } from '../inventory/build.js';
import { RecordingContentProvider } from '../inventory/content-snapshot.js';
import { loadInventory, prefetchSingleFileInventory } from '../inventory/load.js';
import type { Inventory } from '../inventory/model.js';
import { buildPlan, draftPlan, type PlanDraft, type PlanSide } from '../plan/plan.js';
import { renderContextFor } from '../plan/render-context.js';
import { renderJson } from '../plan/render-json.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import { renderText } from '../plan/render-text.js';
import { InputError } from '../util/errors.js';
import { sortDiagnostics } from '../validate/to-diagnostics.js';
import { createValidator, type ValidationResult } from '../validate/validate.js';
import { startParallelValidator, type ParallelValidator, type WorkerVerdict } from '../workers/parallel-validation.js';
import { EXIT_OK, EXIT_REJECTED, type CommandIo } from './command.js';
import { resolveInventoryArg, type ResolvedInventory } from './resolve-inventory-arg.js';


export interface PlanOptions {
  format: 'text' | 'json' | 'markdown';
  base?: string;
  env?: string;
  fullPlan?: string;
}

/**
 * Targets at least this large are validated on a second core while the plan is computed;
 * below it, a worker's start-up costs more than it saves.
 */
export const PARALLEL_VALIDATION_MIN_BYTES = 256 * 1024;

function revisionOf(resolved: ResolvedInventory): string | undefined {
  return resolved.revision;
}

/** The target's validation: in-thread, or its verdict arriving from the worker while the plan is drafted. */
interface TargetValidation {
  result: ValidationResult;
  /** Resolves to the final result (the verdict of the worker, or `result` itself in-thread). */
  settled: Promise<ValidationResult>;
}

async function validateTarget(target: ResolvedInventory, parallel: ParallelValidator | undefined): Promise<TargetValidation> {
  const validator = createValidator();
  if (parallel === undefined) {
    const result = await validator.validateSource(target.provider, target.path);
    return { result, settled: Promise.resolve(result) };
  }
  const recorder = new RecordingContentProvider(target.provider);
  const worthIt = (): boolean => Object.values(recorder.snapshot().files).reduce((sum, text) => sum + (text?.length ?? 0), 0) >= PARALLEL_VALIDATION_MIN_BYTES;
  // A single-file inventory goes to the worker as soon as it is read, so both threads parse at once;
  // a split one once it is loaded (its reads are known only then).
  let verdict: Promise<WorkerVerdict | undefined> | undefined;
  if ((await prefetchSingleFileInventory(recorder, target.path)) && worthIt()) verdict = parallel.validate(recorder.snapshot(), target.path);
  const { loaded, diagnostics } = await loadInventory(recorder, target.path);
  const origin = loaded?.origin ?? target.display;
  if (loaded === undefined) {
    const result: ValidationResult = { origin, valid: false, diagnostics: sortDiagnostics(diagnostics), inventory: undefined, loaded: undefined };
    return { result, settled: Promise.resolve(result) };
  }
  verdict ??= worthIt() ? parallel.validate(recorder.snapshot(), target.path) : Promise.resolve(undefined);
  let inventory: Inventory | undefined;
  try {
    inventory = buildInventory(loaded);
  } catch {
    // The in-thread validator reports it as an internal error diagnostic.
    const result = validator.validateInventory(loaded, diagnostics);
    return { result, settled: Promise.resolve(result) };
  }
  const provisional: ValidationResult = { origin, valid: true, diagnostics: [], inventory, loaded };
  const settled = verdict.then((v) =>
    v === undefined ? validator.validateInventory(loaded, diagnostics) : { origin, valid: v.valid, diagnostics: v.diagnostics, inventory, loaded },
  );
  return { result: provisional, settled };
}

export async function runPlan(targetArg: string, options: PlanOptions, io: CommandIo): Promise<number> {
  // Started first, so the worker's start-up overlaps resolving and reading the inventories.
  const parallel = io.env.PIGSTY_GITOPS_WORKERS === '0' ? undefined : startParallelValidator();
  try {
    return await planWith(parallel, targetArg, options, io);
  } finally {
    await parallel?.close();
  }
}

async function planWith(parallel: ParallelValidator | undefined, targetArg: string, options: PlanOptions, io: CommandIo): Promise<number> {
  const target = await resolveInventoryArg(targetArg, io.cwd, { env: io.env });
  const base = options.base === undefined ? undefined : await resolveInventoryArg(options.base, io.cwd, { env: io.env, defaultPath: target.path });
  const validation = await validateTarget(target, parallel);
  const targetInventory = validation.result.inventory;
  // The base is what was (or would have been) applied: it is loaded and modelled, not re-validated.
  let baseInventory: Inventory | undefined;
  if (base !== undefined) {
    const { loaded, diagnostics } = await loadInventory(base.provider, base.path);
    if (loaded === undefined) {
      const first = diagnostics.find((d) => d.severity === 'error');
      throw new InputError(`base inventory ${base.display} cannot be read${first !== undefined ? `: ${first.file ?? ''}${first.line !== undefined ? `:${first.line}` : ''} ${first.message}` : ''}`, { path: base.display });
    }
    baseInventory = buildInventory(loaded);
  }
  const side = (resolved: ResolvedInventory | undefined, inventory: Inventory | undefined): PlanSide => {
    const rev = resolved === undefined ? undefined : revisionOf(resolved);
    return { label: resolved?.display ?? '(empty)', inventory, ...(rev !== undefined ? { revision: rev } : {}) };
  };
  // Drafted while the worker validates; used only when the verdict says the target is valid.
  const draft: PlanDraft | undefined = targetInventory === undefined ? undefined : draftPlan(baseInventory, targetInventory);
  const ctx = renderContextFor(baseInventory, targetInventory, options.fullPlan !== undefined ? { fullPlanPointer: options.fullPlan } : {});
  const targetResult = await validation.settled;
  const plan = buildPlan(
    {
      ...(options.env !== undefined ? { env: options.env } : {}),
      base: side(base, baseInventory),
      target: { ...side(target, targetInventory), valid: targetResult.valid, diagnostics: targetResult.diagnostics },
    },
    draft,
  );
  const render = options.format === 'json' ? renderJson : options.format === 'markdown' ? renderMarkdown : renderText;
  io.stdout(render(plan, ctx));
  if (options.format === 'markdown') io.stdout('\n');
  return plan.valid ? EXIT_OK : EXIT_REJECTED;
}
