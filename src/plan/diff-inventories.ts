import type { Inventory } from '../inventory/model.js';
import type { DiffContext } from './diff-context.js';
import { diffGlobal } from './diff-global.js';
import { diffGroups } from './diff-groups.js';
import { diffUncoveredHostVars } from './diff-host-vars.js';
import { diffModules } from './diff-modules.js';
import { diffNodes } from './diff-nodes.js';
import { diffPg } from './diff-pg.js';
import { diffRedis } from './diff-redis.js';
import type { PlannedChange } from './planned-change.js';

/** Entity-by-entity differences; `base` undefined = an empty inventory (everything is new). */
export function diffInventories(base: Inventory | undefined, target: Inventory): PlannedChange[] {
  const ctx: DiffContext = { base, target, out: [] };
  diffGlobal(ctx);
  diffNodes(ctx);
  diffGroups(ctx);
  diffModules(ctx);
  diffPg(ctx);
  diffRedis(ctx);
  diffUncoveredHostVars(ctx);
  return ctx.out;
}
