/** The `plan` command's action, loaded only when the command runs (keeps CLI start-up small). */
import { buildInventory } from '../inventory/build.js';
import { loadInventory } from '../inventory/load.js';
import type { Inventory } from '../inventory/model.js';
import { buildPlan, type PlanSide } from '../plan/plan.js';
import { renderContextFor } from '../plan/render-context.js';
import { renderJson } from '../plan/render-json.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import { renderText } from '../plan/render-text.js';
import { InputError } from '../util/errors.js';
import { createValidator } from '../validate/validate.js';
import { EXIT_OK, EXIT_REJECTED, type CommandIo } from './command.js';
import { resolveInventoryArg, type ResolvedInventory } from './resolve-inventory-arg.js';


export interface PlanOptions {
  format: 'text' | 'json' | 'markdown';
  base?: string;
  env?: string;
  fullPlan?: string;
}

function revisionOf(resolved: ResolvedInventory): string | undefined {
  return resolved.revision;
}

export async function runPlan(targetArg: string, options: PlanOptions, io: CommandIo): Promise<number> {
  const target = await resolveInventoryArg(targetArg, io.cwd, { env: io.env });
  const base = options.base === undefined ? undefined : await resolveInventoryArg(options.base, io.cwd, { env: io.env, defaultPath: target.path });
  const validator = createValidator();
  const targetResult = await validator.validateSource(target.provider, target.path);
  // The base is what was (or would have been) applied: it is loaded and modelled, not re-validated.
  // Its unchanged entries take the target's values (see shared-entries.ts).
  let baseInventory: Inventory | undefined;
  if (base !== undefined) {
    const { loaded, diagnostics } = await loadInventory(base.provider, base.path, targetResult.loaded === undefined ? {} : { reuse: targetResult.loaded });
    if (loaded === undefined) {
      const first = diagnostics.find((d) => d.severity === 'error');
      throw new InputError(`base inventory ${base.display} cannot be read${first !== undefined ? `: ${first.file ?? ''}${first.line !== undefined ? `:${first.line}` : ''} ${first.message}` : ''}`, { path: base.display });
    }
    baseInventory = buildInventory(loaded, targetResult.inventory === undefined ? {} : { reuse: targetResult.inventory });
  }
  const side = (resolved: ResolvedInventory | undefined, inventory: Inventory | undefined): PlanSide => {
    const rev = resolved === undefined ? undefined : revisionOf(resolved);
    return { label: resolved?.display ?? '(empty)', inventory, ...(rev !== undefined ? { revision: rev } : {}) };
  };
  const plan = buildPlan({
    ...(options.env !== undefined ? { env: options.env } : {}),
    base: side(base, baseInventory),
    target: { ...side(target, targetResult.inventory), valid: targetResult.valid, diagnostics: targetResult.diagnostics },
  });
  const ctx = renderContextFor(baseInventory, targetResult.inventory, options.fullPlan !== undefined ? { fullPlanPointer: options.fullPlan } : {});
  const render = options.format === 'json' ? renderJson : options.format === 'markdown' ? renderMarkdown : renderText;
  io.stdout(render(plan, ctx));
  if (options.format === 'markdown') io.stdout('\n');
  return plan.valid ? EXIT_OK : EXIT_REJECTED;
}
