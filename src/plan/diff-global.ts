import type { DiffContext } from './diff-context.js';
import { diffVars } from './diff-vars.js';

const PATH = ['all', 'vars'] as const;

/** `all.vars`: one change per variable. */
export function diffGlobal(ctx: DiffContext): void {
  diffVars(ctx, 'global.var', undefined, { level: 'global' }, { vars: ctx.base?.globalVars, path: PATH }, { vars: ctx.target.globalVars, path: PATH }, new Set());
}
