import type { Inventory, LoadedInventory } from '../inventory/model.js';
import { secretScrubber } from './secret-scrub.js';

/** What a rendering needs besides the plan. */
export interface RenderContext {
  /** Replaces every known secret value in the final text (last line of defence). */
  scrub: (text: string) => string;
  /** Sources of both revisions, for the YAML diff of the markdown rendering. */
  baseSource?: LoadedInventory;
  targetSource?: LoadedInventory;
  /** Where the full plan is, shown when markdown is truncated (a URL or a command). */
  fullPlanPointer?: string;
  /** Markdown size limit; GitHub's comment limit by default. */
  maxLength?: number;
}

export function renderContextFor(base: Inventory | undefined, target: Inventory | undefined, extra: Partial<Omit<RenderContext, 'scrub'>> = {}): RenderContext {
  const ctx: RenderContext = { scrub: secretScrubber(base, target), ...extra };
  if (base !== undefined) ctx.baseSource = base.source;
  if (target !== undefined) ctx.targetSource = target.source;
  return ctx;
}
