import type { JsonPath } from '../inventory/json-path.js';
import type { Inventory, SourcePosition } from '../inventory/model.js';
import type { MapHint, PlannedChange } from './planned-change.js';
import type { ChangeEntity, ChangeOp, FieldChange } from './types.js';

/** Accumulates the changes of one diff; `base` is undefined when planning from nothing. */
export interface DiffContext {
  base: Inventory | undefined;
  target: Inventory;
  out: PlannedChange[];
}

export interface ChangeInput {
  entity: ChangeEntity;
  op: ChangeOp;
  scope?: string;
  name: string;
  summary: string;
  fields?: FieldChange[];
  basePath?: JsonPath;
  targetPath?: JsonPath;
  note?: string;
  hint: MapHint;
}

function locate(inv: Inventory | undefined, path: JsonPath | undefined): SourcePosition | undefined {
  if (inv === undefined || path === undefined) return undefined;
  return inv.source.locate(path);
}

/** Records one change with its positions in both revisions. */
export function addChange(ctx: DiffContext, input: ChangeInput): void {
  const id = `${input.entity}:${input.scope !== undefined ? `${input.scope}/` : ''}${input.name}:${input.op}`;
  const change: PlannedChange['change'] = {
    id,
    entity: input.entity,
    op: input.op,
    name: input.name,
    summary: input.summary,
    fields: input.fields ?? [],
  };
  if (input.scope !== undefined) change.scope = input.scope;
  const basePos = locate(ctx.base, input.basePath);
  const targetPos = locate(ctx.target, input.targetPath);
  if (basePos !== undefined) change.base = basePos;
  if (targetPos !== undefined) change.target = targetPos;
  if (input.note !== undefined) change.note = input.note;
  ctx.out.push({ change, hint: input.hint });
}

/** Keys of two maps split into removed, common and added, each sorted. */
export function splitKeys<K extends string | number>(base: Iterable<K>, target: Iterable<K>): { removed: K[]; common: K[]; added: K[] } {
  const b = new Set(base);
  const t = new Set(target);
  const sort = (xs: K[]): K[] => xs.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    removed: sort([...b].filter((k) => !t.has(k))),
    common: sort([...b].filter((k) => t.has(k))),
    added: sort([...t].filter((k) => !b.has(k))),
  };
}
