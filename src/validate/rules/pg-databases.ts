import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import type { FieldType } from '../rule-support/field-types.js';
import { error } from '../rule-support/findings.js';
import { checkFields } from '../rule-support/spec-fields.js';
import { forEachListEntry } from '../rule-support/list-entries.js';

/** Fields of a `pg_databases` entry, from Pigsty's `bin/validate` and its `pg-db.sql` / pgbouncer templates. */
export const PG_DATABASE_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'str', baseline: 'str', pgbouncer: 'bool', schemas: 'list', extensions: 'list', comment: 'str',
  owner: 'str', template: 'str', encoding: 'str', locale: 'str', lc_collate: 'str', lc_ctype: 'str',
  locale_provider: 'str', icu_locale: 'str', icu_rules: 'str', builtin_locale: 'str', strategy: 'str',
  is_template: 'bool', tablespace: 'str', allowconn: 'bool', revokeconn: 'bool', register_datasource: 'bool',
  connlimit: 'int', pool_auth_user: 'str', pool_mode: { enum: ['transaction', 'session', 'statement'] },
  pool_size: 'int', pool_size_min: 'int', pool_reserve: 'int', pool_connlimit: 'int', parameters: 'dict',
  state: { enum: ['create', 'absent', 'recreate'] },
};

/**
 * `pg_databases` wherever defined: a list of maps with a name (PGD001), typed fields (PGD002),
 * known fields (PGD003, warning), unique names within the list (PGD004).
 */
export const pgDatabasesRule: Rule = {
  codes: ['PGD001', 'PGD002', 'PGD003', 'PGD004'],
  title: 'pg_databases entries: shape, field types, unique names',
  check(inventory) {
    const out: Finding[] = [];
    forEachListEntry(inventory, ['pg_databases'], 'PGD001', out, ({ scope }) => {
      const seen = new Map<string, number>();
      return (item) => {
        const db = item.entry;
        if (db.name === undefined) out.push(error('PGD001', `${item.label} has no name`, item.path));
        checkFields(out, item, PG_DATABASE_FIELDS, 'PGD002', 'PGD003');
        if (typeof db.name === 'string') {
          const first = seen.get(db.name);
          if (first !== undefined) out.push(error('PGD004', `duplicate database ${db.name} in pg_databases of ${scope.label}: entries ${first} and ${item.index}`, item.at('name')));
          else seen.set(db.name, item.index);
        }
      };
    });
    return out;
  },
};
