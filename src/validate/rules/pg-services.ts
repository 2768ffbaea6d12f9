import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import type { FieldType } from '../rule-support/field-types.js';
import { error, warning } from '../rule-support/findings.js';
import { checkFields } from '../rule-support/spec-fields.js';
import { forEachListEntry } from '../rule-support/list-entries.js';
import { isInteger, show } from '../rule-support/values.js';

/** Fields of a service entry, from Pigsty's `bin/validate` and its HAProxy `service.cfg` template. `dest` may also be a port. */
export const PG_SERVICE_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'str', port: 'port', ip: 'str', selector: 'str', backup: 'str',
  dest: [{ enum: ['default', 'postgres', 'pgbouncer'] }, 'port'], check: 'str', maxconn: 'int',
  options: ['str', 'str[]'], balance: { enum: ['roundrobin', 'leastconn'] },
};

/** Ports Pigsty's own components use on every pgsql node (postgres, pgbouncer, default services, exporters, patroni…). */
export const RESERVED_PORTS: ReadonlySet<number> = new Set([5432, 6432, 5433, 5434, 5436, 5438, 9100, 9101, 9630, 9631, 9080]);

const LISTS = ['pg_services', 'pg_default_services'] as const;
/** Fields this rule checks itself rather than by type. */
const OWN_FIELDS: ReadonlySet<string> = new Set(['port']);

/**
 * `pg_services` / `pg_default_services` wherever defined: a list of maps with a name and a
 * port (PGS001); the port an integer 1..65535 (PGS002), unique in the list (PGS003), not one
 * Pigsty reserves (PGS004, warning, `pg_services` only); typed fields (PGS005), known fields
 * (PGS006, warning); unique names (PGS007).
 */
export const pgServicesRule: Rule = {
  codes: ['PGS001', 'PGS002', 'PGS003', 'PGS004', 'PGS005', 'PGS006', 'PGS007'],
  title: 'pg_services entries: shape, ports in range and unique, unique names',
  check(inventory) {
    const out: Finding[] = [];
    forEachListEntry(inventory, LISTS, 'PGS001', out, ({ key, scope }) => {
      const ports = new Map<number, number>();
      const names = new Map<string, number>();
      return (item) => {
        const svc = item.entry;
        const index = item.index;
        if (svc.name === undefined) out.push(error('PGS001', `${item.label} has no name`, item.path));
        if (svc.port === undefined) out.push(error('PGS001', `${item.label} has no port`, item.path));
        else if (!isInteger(svc.port) || svc.port < 1 || svc.port > 65535) out.push(error('PGS002', `${item.label}: port ${show(svc.port)} should be an integer 1..65535`, item.at('port')));
        else {
          const first = ports.get(svc.port);
          if (first !== undefined) out.push(error('PGS003', `${item.label}: port ${svc.port} is already used by ${key}[${first}]`, item.at('port')));
          else ports.set(svc.port, index);
          if (key === 'pg_services' && RESERVED_PORTS.has(svc.port)) out.push(warning('PGS004', `${item.label}: port ${svc.port} may be reserved by Pigsty`, item.at('port')));
        }
        checkFields(out, item, PG_SERVICE_FIELDS, 'PGS005', 'PGS006', OWN_FIELDS);
        if (typeof svc.name === 'string') {
          const first = names.get(svc.name);
          if (first !== undefined) out.push(error('PGS007', `duplicate service ${svc.name} in ${key} of ${scope.label}: entries ${first} and ${index}`, item.at('name')));
          else names.set(svc.name, index);
        }
      };
    });
    return out;
  },
};
