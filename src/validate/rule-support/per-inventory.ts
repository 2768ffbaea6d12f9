import type { Inventory } from '../../inventory/model.js';

/**
 * `compute` memoised per inventory: several rules ask for the same view of one inventory
 * (its groups, variable scopes, cluster parts), so it is derived once.
 */
export function perInventory<T>(compute: (inventory: Inventory) => T): (inventory: Inventory) => T {
  const cache = new WeakMap<Inventory, T>();
  return (inventory) => {
    let value = cache.get(inventory);
    if (value === undefined) {
      value = compute(inventory);
      cache.set(inventory, value);
    }
    return value;
  };
}
