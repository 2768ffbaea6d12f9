import { isIPv4, isPort, isSafeClusterName, isSafeGroupName, isSafeIdentifier } from '../validate/safe-names.js';
import { UnsafeArgvError } from './unsafe-argv-error.js';

/**
 * Every argv word that comes from the inventory goes through one of these. The validator should
 * already have flagged a bad name; this is the last line: an unsafe word never reaches an argv.
 */
export const safe = {
  cluster(value: string): string {
    if (!isSafeClusterName(value)) throw new UnsafeArgvError('cluster name', value);
    return value;
  },
  group(value: string): string {
    if (!isSafeGroupName(value)) throw new UnsafeArgvError('group name', value);
    return value;
  },
  identifier(value: string): string {
    if (!isSafeIdentifier(value)) throw new UnsafeArgvError('user or database name', value);
    return value;
  },
  ip(value: string): string {
    if (!isIPv4(value)) throw new UnsafeArgvError('IP address', value);
    return value;
  },
  port(value: number): string {
    if (!isPort(value)) throw new UnsafeArgvError('port', String(value));
    return String(value);
  },
  /** An Ansible `-l` limit: `all`, a group/cluster name or an IP. */
  limit(value: string): string {
    if (value === 'all' || isIPv4(value) || isSafeGroupName(value)) return value;
    throw new UnsafeArgvError('host limit', value);
  },
};

/** Numeric order for IPv4 addresses (10.0.0.9 before 10.0.0.10). */
export function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
