import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory, Vars } from '../../inventory/model.js';
import type { Finding } from '../finding.js';
import { error } from './findings.js';
import { isMap, kindOf } from './values.js';
import { varScopes, type VarScope } from './var-scopes.js';

/** One list-valued variable where it is defined, e.g. `pg_users` of group pg-test. */
export interface ListSite {
  key: string;
  scope: VarScope;
  path: JsonPath;
}

/** One map entry of such a list. */
export interface ListEntry {
  entry: Vars;
  index: number;
  path: JsonPath;
}

/**
 * Walks the list-valued variables `keys` in every variable scope. A value that is not a list, or an
 * entry that is not a map, is reported with `shapeCode`; every map entry goes to the visitor that
 * `forList` returns for its list (so per-list state, such as names seen, starts fresh for each list).
 */
export function forEachListEntry(
  inventory: Inventory,
  keys: readonly string[],
  shapeCode: string,
  out: Finding[],
  forList: (site: ListSite) => (item: ListEntry) => void,
): void {
  for (const scope of varScopes(inventory)) {
    for (const key of keys) {
      if (!(key in scope.vars)) continue;
      const list = scope.vars[key];
      const listPath = [...scope.path, key];
      if (list === null || list === undefined) continue;
      if (!Array.isArray(list)) {
        out.push(error(shapeCode, `${key} in ${scope.label} should be a list, got ${kindOf(list)}`, listPath));
        continue;
      }
      const visit = forList({ key, scope, path: listPath });
      for (let index = 0; index < list.length; index++) {
        const entry: unknown = list[index];
        const path = [...listPath, index];
        if (!isMap(entry)) out.push(error(shapeCode, `${key}[${index}] in ${scope.label} should be a map, got ${kindOf(entry)}`, path));
        else visit({ entry, index, path });
      }
    }
  }
}
