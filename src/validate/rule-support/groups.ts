import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory } from '../../inventory/model.js';
import { perInventory } from './per-inventory.js';
import { isMap } from './values.js';

/** A group as written in the document (before the model normalised it), with its path. */
export interface RawGroup {
  name: string;
  value: unknown;
  path: JsonPath;
}

/** Every group under all.children, nested children included, in document order. */
export const rawGroups: (inventory: Inventory) => readonly RawGroup[] = perInventory(collectGroups);

function collectGroups(inventory: Inventory): RawGroup[] {
  const all: unknown = inventory.source.document.all;
  const out: RawGroup[] = [];
  if (!isMap(all)) return out;
  const seen = new Set<unknown>();
  const visit = (children: unknown, path: JsonPath): void => {
    if (!isMap(children) || seen.has(children)) return;
    seen.add(children);
    for (const [name, value] of Object.entries(children)) {
      const groupPath = [...path, name];
      out.push({ name, value, path: groupPath });
      if (isMap(value)) visit(value.children, [...groupPath, 'children']);
    }
  };
  visit(all.children, ['all', 'children']);
  return out;
}
