import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import type { FieldType } from '../rule-support/field-types.js';
import { error, warning } from '../rule-support/findings.js';
import { checkFields } from '../rule-support/spec-fields.js';
import { forEachListEntry } from '../rule-support/list-entries.js';

/** Fields of a `pg_users` entry, from Pigsty's `bin/validate` and its `pg-user.sql` / pgbouncer templates. */
export const PG_USER_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'str', password: 'str', login: 'bool', superuser: 'bool', createdb: 'bool', createrole: 'bool',
  inherit: 'bool', replication: 'bool', bypassrls: 'bool', pgbouncer: 'bool', connlimit: 'int',
  expire_in: 'int', expire_at: 'date', comment: 'str', roles: 'list', parameters: 'dict',
  pool_mode: { enum: ['transaction', 'session', 'statement'] }, pool_connlimit: 'int',
  state: { enum: ['present', 'absent'] },
};

const LISTS = ['pg_users', 'pg_default_roles'] as const;

/** The name check of Pigsty's user task (roles/pgsql/tasks/user.yml `pg_user_validate`), for pg_users. */
const PIGSTY_USER_NAME = /^[a-z_][a-z0-9_@.-]{0,62}$/;

/**
 * `pg_users` (and `pg_default_roles`) wherever defined: a list (PGU001) of maps with a name
 * (PGU001), typed fields (PGU002), known fields (PGU003, warning), unique names within the
 * list (PGU004), a password for login users of `pg_users` (PGU005, warning), names of `pg_users`
 * that Pigsty's user task accepts (PGU006: lower case, it asserts `^[a-z_][a-z0-9_@.-]{0,62}$`).
 */
export const pgUsersRule: Rule = {
  codes: ['PGU001', 'PGU002', 'PGU003', 'PGU004', 'PGU005', 'PGU006'],
  title: 'pg_users entries: shape, field types, unique names',
  check(inventory) {
    const out: Finding[] = [];
    forEachListEntry(inventory, LISTS, 'PGU001', out, ({ key, scope }) => {
      const seen = new Map<string, number>();
      return (item) => {
        const user = item.entry;
        if (user.name === undefined) out.push(error('PGU001', `${item.label} has no name`, item.path));
        checkFields(out, item, PG_USER_FIELDS, 'PGU002', 'PGU003');
        if (key === 'pg_users' && typeof user.name === 'string' && user.name !== '' && !PIGSTY_USER_NAME.test(user.name)) {
          out.push(error('PGU006', `${item.label}: Pigsty's user task rejects this name: it should match ${PIGSTY_USER_NAME.source} (lower case)`, item.at('name')));
        }
        if (typeof user.name === 'string') {
          const first = seen.get(user.name);
          if (first !== undefined) out.push(error('PGU004', `duplicate user ${user.name} in ${key} of ${scope.label}: entries ${first} and ${item.index}`, item.at('name')));
          else seen.set(user.name, item.index);
        }
        if (key === 'pg_users' && user.password === undefined && user.login !== false && user.state !== 'absent') {
          out.push(warning('PGU005', `${item.label} has no password`, item.path));
        }
      };
    });
    return out;
  },
};
