import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { isSafeClusterName, isSafeDatabaseName, isSafeGroupName, isSafeServiceName, isSafeUserName, SAFE_NAME_PATTERNS } from '../safe-names.js';
import { error } from '../rule-support/findings.js';
import { rawGroups } from '../rule-support/groups.js';
import { varScopes, type VarScope } from '../rule-support/var-scopes.js';
import { isMap, show } from '../rule-support/values.js';

const CLUSTER_KEYS = ['pg_cluster', 'redis_cluster', 'etcd_cluster', 'minio_cluster'] as const;
const USER_LISTS = ['pg_users', 'pg_default_roles'] as const;
const SERVICE_LISTS = ['pg_services', 'pg_default_services'] as const;

/**
 * Names that reach a remote command line (`-l <group>`, `bin/pgsql-user <cluster> <user>`…)
 * match strict patterns: groups (SAFE001), clusters (SAFE002), users and database owners
 * (SAFE003), databases (SAFE004), services (SAFE005). See src/validate/safe-names.ts.
 */
export const safeNamesRule: Rule = {
  codes: ['SAFE001', 'SAFE002', 'SAFE003', 'SAFE004', 'SAFE005'],
  title: 'names reaching a command line match strict patterns',
  check(inventory) {
    const out: Finding[] = [];
    for (const group of rawGroups(inventory)) {
      if (!isSafeGroupName(group.name)) out.push(error('SAFE001', `group name ${show(group.name)} is unsafe: it should match ${SAFE_NAME_PATTERNS.group}`, group.path));
    }
    for (const scope of varScopes(inventory)) {
      const vars = scope.vars;
      for (const key of CLUSTER_KEYS) {
        // an empty or non-string minio_cluster is MINIO004's to report
        if (key === 'minio_cluster' && (typeof vars[key] !== 'string' || vars[key] === '')) continue;
        if (key in vars && !isSafeClusterName(vars[key])) {
          out.push(error('SAFE002', `${key} ${show(vars[key])} in ${scope.label} is unsafe: it should match ${SAFE_NAME_PATTERNS.cluster}`, [...scope.path, key]));
        }
      }
      for (const listKey of USER_LISTS) checkEntryNames(out, scope, listKey, USER_NAMES);
      const databases = entriesOf(vars, 'pg_databases');
      for (let index = 0; index < databases.length; index++) {
        const db = databases[index];
        if (!isMap(db)) continue;
        if (typeof db.name === 'string' && !isSafeDatabaseName(db.name)) {
          out.push(error('SAFE004', `database name ${show(db.name)} in pg_databases[${index}] of ${scope.label} is unsafe: it should match ${SAFE_NAME_PATTERNS.identifier}`, [...scope.path, 'pg_databases', index, 'name']));
        }
        if (typeof db.owner === 'string' && !isSafeUserName(db.owner)) {
          out.push(error('SAFE003', `owner ${show(db.owner)} of pg_databases[${index}] in ${scope.label} is unsafe: it should match ${SAFE_NAME_PATTERNS.identifier}`, [...scope.path, 'pg_databases', index, 'owner']));
        }
      }
      for (const listKey of SERVICE_LISTS) checkEntryNames(out, scope, listKey, SERVICE_NAMES);
    }
    return out;
  },
};

/** How the names of one kind of list entry are checked and reported. */
interface EntryNames {
  code: string;
  what: string;
  isSafe: (name: string) => boolean;
  pattern: string;
}
const USER_NAMES: EntryNames = { code: 'SAFE003', what: 'user name', isSafe: isSafeUserName, pattern: SAFE_NAME_PATTERNS.identifier };
const SERVICE_NAMES: EntryNames = { code: 'SAFE005', what: 'service name', isSafe: isSafeServiceName, pattern: SAFE_NAME_PATTERNS.service };

/** The `name` of every entry of the list `listKey` in `scope` is safe. */
function checkEntryNames(out: Finding[], scope: VarScope, listKey: string, names: EntryNames): void {
  const entries = entriesOf(scope.vars, listKey);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (!isMap(entry) || typeof entry.name !== 'string' || names.isSafe(entry.name)) continue;
    out.push(error(names.code, `${names.what} ${show(entry.name)} in ${listKey}[${index}] of ${scope.label} is unsafe: it should match ${names.pattern}`, [...scope.path, listKey, index, 'name']));
  }
}

const NO_ENTRIES: readonly unknown[] = [];

/** The list at `key`, or no entries when it is missing or not a list (other rules report shapes). */
function entriesOf(vars: Record<string, unknown>, key: string): readonly unknown[] {
  const list = key in vars ? vars[key] : undefined;
  return Array.isArray(list) ? list : NO_ENTRIES;
}
