import type { JsonPath } from '../inventory/json-path.js';
import type { Vars } from '../inventory/model.js';
import { addChange, splitKeys, type DiffContext } from './diff-context.js';
import { describeFields, fieldChanges } from './field-changes.js';
import { sameValue } from './same-value.js';
import type { VarScope } from './planned-change.js';
import type { ChangeEntity } from './types.js';

export interface VarsSide {
  vars: Vars | undefined;
  /** Path of the object holding the vars (`all.vars`, `all.children.<g>.vars`, a host entry). */
  path: JsonPath;
}

/** One change per variable that differs (added, removed or changed), keys in `ignore` excepted. */
export function diffVars(
  ctx: DiffContext,
  entity: ChangeEntity,
  scopeLabel: string | undefined,
  scope: VarScope,
  base: VarsSide,
  target: VarsSide,
  ignore: ReadonlySet<string>,
): void {
  const b = base.vars ?? {};
  const t = target.vars ?? {};
  const { removed, common, added } = splitKeys(Object.keys(b), Object.keys(t));
  const emit = (key: string, op: 'add' | 'remove' | 'modify'): void => {
    if (ignore.has(key)) return;
    const fields = fieldChanges(op === 'add' ? undefined : { [key]: b[key] ?? null }, op === 'remove' ? undefined : { [key]: t[key] ?? null });
    if (fields.length === 0) return;
    addChange(ctx, {
      entity,
      op,
      ...(scopeLabel !== undefined ? { scope: scopeLabel } : {}),
      name: key,
      summary: `${scopeLabel !== undefined ? `${scopeLabel}: ` : ''}${describeFields(fields)}`,
      fields,
      ...(op !== 'add' ? { basePath: [...base.path, key] } : {}),
      ...(op !== 'remove' ? { targetPath: [...target.path, key] } : {}),
      hint: { t: 'var', key, scope },
    });
  };
  for (const key of removed) emit(key, 'remove');
  // Most variables are unchanged: compare first, build a field change only for those that differ.
  for (const key of common) if (!sameValue(b[key], t[key])) emit(key, 'modify');
  for (const key of added) emit(key, 'add');
}
