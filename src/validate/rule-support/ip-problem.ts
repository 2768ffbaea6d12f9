import { badIPv4Octets, looksLikeIPv4 } from '../safe-names.js';
import { kindOf, show } from './values.js';

/** Why a value is not an IPv4 address: "admin_ip 10.10.10.256 is not a valid IPv4 address (octet 256)". */
export function ipProblem(what: string, value: unknown): string {
  if (typeof value !== 'string') return `${what} should be an IPv4 address, got ${kindOf(value)}`;
  if (looksLikeIPv4(value)) return `${what} ${value} is not a valid IPv4 address (octet ${badIPv4Octets(value).join(', ')})`;
  return `${what} ${show(value)} is not an IPv4 address`;
}
