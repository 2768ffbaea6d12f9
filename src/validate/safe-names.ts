/**
 * Strict patterns for every name that can reach a remote command line (Pigsty's `bin/*`
 * scripts, `ansible -l …`, SQL run by the roles). The plan and apply stages reuse these
 * before they build an argv; the validator reports names that fail them.
 *
 * None of the patterns allow a leading `-` (option injection), whitespace, quotes, `$`,
 * `;`, `|`, `&`, backticks, slashes or glob characters.
 */

const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const IPV4_CIDR = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}/(?:3[0-2]|[12]?[0-9])$`);
/** Four dotted numbers, whatever their range: what Pigsty's own `bin/validate` accepts. */
const IPV4_SHAPE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Ansible group: letters, digits, `_`, `-`; starts with a letter, digit or `_`; at most 63 characters. */
const GROUP_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$/;
/** Cluster (`pg_cluster`, `redis_cluster`, `etcd_cluster`, `minio_cluster`): Pigsty's `[a-zA-Z0-9-]+`, no leading `-`, at most 63 characters (a DNS label). */
const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
/** PostgreSQL role / database name: starts with a letter or `_`, then letters, digits, `_`, `-`; at most 63 bytes (NAMEDATALEN - 1). */
const PG_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;
/** Service name (`pg_services[].name`, rendered as `<cluster>-<name>` in HAProxy). */
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

export function isIPv4(value: unknown): value is string {
  return typeof value === 'string' && IPV4.test(value);
}

/** `a.b.c.d/n` with valid octets and a prefix length 0..32. */
export function isIPv4Cidr(value: unknown): value is string {
  return typeof value === 'string' && IPV4_CIDR.test(value);
}

/** True for four dotted numbers (valid or not): lets messages say "octet above 255" rather than "not an address". */
export function looksLikeIPv4(value: unknown): value is string {
  return typeof value === 'string' && IPV4_SHAPE.test(value);
}

/** Octets of a dotted quad that are above 255 or have a leading zero (ambiguous: octal to some tools). */
export function badIPv4Octets(value: string): string[] {
  return value.split('.').filter((octet) => Number(octet) > 255 || (octet.length > 1 && octet.startsWith('0')));
}

export function isSafeGroupName(value: unknown): value is string {
  return typeof value === 'string' && GROUP_NAME.test(value);
}

export function isSafeClusterName(value: unknown): value is string {
  return typeof value === 'string' && CLUSTER_NAME.test(value);
}

/** A PostgreSQL identifier safe to pass to `bin/pgsql-user` / `bin/pgsql-db` and to SQL. */
export function isSafeIdentifier(value: unknown): value is string {
  return typeof value === 'string' && PG_IDENTIFIER.test(value);
}

export function isSafeUserName(value: unknown): value is string {
  return isSafeIdentifier(value);
}

export function isSafeDatabaseName(value: unknown): value is string {
  return isSafeIdentifier(value);
}

export function isSafeServiceName(value: unknown): value is string {
  return typeof value === 'string' && SERVICE_NAME.test(value);
}

/** A TCP port 1..65535 as an integer. */
export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Human description of each pattern, for messages and docs. */
export const SAFE_NAME_PATTERNS = {
  group: GROUP_NAME.source,
  cluster: CLUSTER_NAME.source,
  identifier: PG_IDENTIFIER.source,
  service: SERVICE_NAME.source,
} as const;
