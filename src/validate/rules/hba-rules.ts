import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import type { FieldType } from '../rule-support/field-types.js';
import { isIPv4, isIPv4Cidr } from '../safe-names.js';
import { error, warning } from '../rule-support/findings.js';
import { checkFields, type EntryRef } from '../rule-support/spec-fields.js';
import { forEachListEntry, type ListEntry } from '../rule-support/list-entries.js';
import { kindOf, show } from '../rule-support/values.js';

/** Address aliases Pigsty's `pg_hba.conf` / `pgbouncer.hba` templates accept besides IPv4[/mask]. */
export const HBA_ADDR_ALIASES: readonly string[] = ['local', 'localhost', 'admin', 'infra', 'cluster', 'intra', 'intranet', 'world', 'all'];
/** Auth aliases of the templates' `authmapping`. */
export const HBA_AUTH_ALIASES: readonly string[] = ['deny', 'pwd', 'ssl', 'sha', 'cert', 'ssl-md5', 'ssl-sha', 'md5', 'os', 'ident', 'peer', 'trust', 'reject', 'scram-sha-256'];
export const HBA_ROLES: readonly string[] = ['default', 'common', 'primary', 'replica', 'offline', 'standby', 'delayed'];

const HBA_FIELDS: Readonly<Record<string, FieldType>> = {
  title: 'str', addr: 'str', auth: 'str', user: 'str', db: 'str', order: 'int',
};

const LISTS = ['pg_hba_rules', 'pgb_hba_rules', 'pg_default_hba_rules', 'pgb_default_hba_rules'] as const;
/** Fields this rule checks itself rather than by type. */
const OWN_FIELDS: ReadonlySet<string> = new Set(['rules', 'role']);

/** HBA rules have no name: messages call them by their place (`pg_hba_rules[2] in group pg-meta`). */
function unnamed(item: ListEntry): EntryRef {
  return { entry: item.entry, get label() { return item.place; }, at: (field) => item.at(field) };
}

/**
 * HBA rule lists wherever defined, as Pigsty's templates render them: a list of maps (HBA001, also a
 * field of the wrong type); without raw `rules`, an `addr` (HBA002) that is an alias or IPv4[/mask] (HBA003) and an `auth`
 * alias (HBA004); `rules` a list of strings (HBA005); `role` one of the instance roles (HBA006);
 * no `db: replication` for pgbouncer (HBA007); `title`, `user`, `db` present (HBA008, warning:
 * the templates default user and db to `all`); known fields (HBA009, warning).
 */
export const hbaRulesRule: Rule = {
  codes: ['HBA001', 'HBA002', 'HBA003', 'HBA004', 'HBA005', 'HBA006', 'HBA007', 'HBA008', 'HBA009'],
  title: 'hba rules: shape, address and auth aliases',
  check(inventory) {
    const out: Finding[] = [];
    forEachListEntry(inventory, LISTS, 'HBA001', out, ({ key }) => (item) => {
      const rule = item.entry;
      const rules = rule.rules;
      checkFields(out, unnamed(item), HBA_FIELDS, 'HBA001', 'HBA009', OWN_FIELDS);
      if (rules !== undefined && !(Array.isArray(rules) && rules.every((r) => typeof r === 'string'))) {
        out.push(error('HBA005', `${item.place}: rules should be a list of pg_hba.conf lines (strings), got ${Array.isArray(rules) ? 'a list with a non-string entry' : kindOf(rules)}`, item.at('rules')));
      }
      if (rule.role !== undefined && rule.role !== '' && (typeof rule.role !== 'string' || !HBA_ROLES.includes(rule.role))) {
        out.push(error('HBA006', `${item.place}: role ${show(rule.role)} should be one of ${HBA_ROLES.join(', ')}`, item.at('role')));
      }
      if (rule.title === undefined) out.push(warning('HBA008', `${item.place} has no title`, item.path));
      if (Array.isArray(rules) && rules.length > 0) return;
      if (rules !== undefined && rules !== null && !Array.isArray(rules)) return;
      if (rule.addr === undefined || rule.addr === '') out.push(error('HBA002', `${item.place} has neither addr nor rules`, item.path));
      else if (typeof rule.addr === 'string' && !HBA_ADDR_ALIASES.includes(rule.addr) && !isIPv4(rule.addr) && !isIPv4Cidr(rule.addr)) {
        out.push(error('HBA003', `${item.place}: addr ${show(rule.addr)} is neither an alias (${HBA_ADDR_ALIASES.join(', ')}) nor an IPv4 address or CIDR`, item.at('addr')));
      }
      if (rule.auth === undefined) out.push(error('HBA004', `${item.place} has no auth`, item.path));
      else if (typeof rule.auth === 'string' && !HBA_AUTH_ALIASES.includes(rule.auth)) {
        out.push(error('HBA004', `${item.place}: auth ${show(rule.auth)} should be one of ${HBA_AUTH_ALIASES.join(', ')}`, item.at('auth')));
      }
      if (rule.user === undefined) out.push(warning('HBA008', `${item.place} has no user (Pigsty uses all)`, item.path));
      if (rule.db === undefined) out.push(warning('HBA008', `${item.place} has no db (Pigsty uses all)`, item.path));
      if (key.startsWith('pgb') && rule.db === 'replication') out.push(error('HBA007', `${item.place}: db replication is not allowed in pgbouncer hba rules`, item.at('db')));
    });
    return out;
  },
};
