import { createHmac, timingSafeEqual } from 'node:crypto';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  /** Host patterns as written (comma-separated list), or the `|1|salt|hash` hashed form. */
  hosts: string;
  keyType: string;
  /** The public key blob (wire format), decoded from base64. */
  key: Buffer;
  /** `@revoked` lines deny the key; `@cert-authority` lines are skipped (certificates are not supported). */
  revoked: boolean;
  line: number;
}

/** Parses OpenSSH known_hosts text; comments, blank lines, malformed and `@cert-authority` lines are skipped. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let revoked = false;
    if (fields[0]?.startsWith('@')) {
      const marker = fields.shift();
      if (marker === '@cert-authority') return;
      if (marker !== '@revoked') return;
      revoked = true;
    }
    const [hosts, keyType, keyBase64] = fields;
    if (hosts === undefined || keyType === undefined || keyBase64 === undefined) return;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(keyBase64)) return;
    entries.push({ hosts, keyType, key: Buffer.from(keyBase64, 'base64'), revoked, line: index + 1 });
  });
  return entries;
}

/** The name a host is looked up under: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** True when `hosts` (an entry's host field) matches `name` (see `knownHostsName`). */
export function hostsFieldMatches(hosts: string, name: string): boolean {
  if (hosts.startsWith('|1|')) return hashedMatches(hosts, name);
  let matched = false;
  for (const pattern of hosts.split(',')) {
    if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), name)) return false;
    } else if (globMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/** Entries whose host field matches `host`:`port`. */
export function entriesForHost(entries: readonly KnownHostEntry[], host: string, port: number): KnownHostEntry[] {
  const name = knownHostsName(host, port);
  return entries.filter((entry) => hostsFieldMatches(entry.hosts, name));
}

function hashedMatches(field: string, name: string): boolean {
  const [, , saltBase64, hashBase64] = field.split('|');
  if (saltBase64 === undefined || hashBase64 === undefined) return false;
  const expected = Buffer.from(hashBase64, 'base64');
  const actual = createHmac('sha1', Buffer.from(saltBase64, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(name);
}
