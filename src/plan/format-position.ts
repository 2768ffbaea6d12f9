import type { SourcePosition } from '../inventory/model.js';
import type { Change } from './types.js';

export function formatPosition(p: SourcePosition | undefined): string | undefined {
  return p === undefined ? undefined : `${p.file}:${p.line}:${p.column}`;
}

/** `base/pigsty.yml:12:9 → target/pigsty.yml:12:9` (either side may be missing). */
export function changeLocation(c: Change): string {
  const b = formatPosition(c.base);
  const t = formatPosition(c.target);
  if (b !== undefined && t !== undefined) return `${b} → ${t}`;
  return b ?? t ?? '';
}
