import type { JsonPath } from '../../inventory/json-path.js';
import type { Inventory, Vars } from '../../inventory/model.js';
import type { Finding } from '../finding.js';
import { error } from './findings.js';
import { entryLabel } from './spec-fields.js';
import { isMap, kindOf } from './values.js';
import { varScopes, type VarScope } from './var-scopes.js';

/** One list-valued variable where it is defined, e.g. `pg_users` of group pg-test. */
export interface ListSite {
  key: string;
  scope: VarScope;
  path: JsonPath;
}

/**
 * One map entry of such a list. Its path and labels are built only when a finding needs them:
 * the rules visit thousands of entries and report on few.
 */
export class ListEntry {
  constructor(
    readonly entry: Vars,
    readonly index: number,
    readonly site: ListSite,
  ) {}

  get path(): JsonPath {
    return [...this.site.path, this.index];
  }

  /** The path of one of the entry's fields. */
  at(field: string): JsonPath {
    return [...this.site.path, this.index, field];
  }

  /** `pg_users[2] (dbuser_meta) in group pg-meta`. */
  get label(): string {
    return entryLabel(this.site.key, this.index, this.entry['name'], this.site.scope.label);
  }

  /** `pg_hba_rules[2] in group pg-meta` (entries without a name). */
  get place(): string {
    return entryLabel(this.site.key, this.index, undefined, this.site.scope.label);
  }
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
      const site: ListSite = { key, scope, path: listPath };
      const visit = forList(site);
      for (let index = 0; index < list.length; index++) {
        const entry: unknown = list[index];
        if (!isMap(entry)) out.push(error(shapeCode, `${key}[${index}] in ${scope.label} should be a map, got ${kindOf(entry)}`, [...listPath, index]));
        else visit(new ListEntry(entry, index, site));
      }
    }
  }
}
