import { createHash } from 'node:crypto';
import { HostKeyMismatchError, UnknownHostKeyError } from './errors.js';
import { entriesForHost, type KnownHostEntry } from './known-hosts.js';

/** How a host's key is pinned: entries from a known_hosts file and/or a `SHA256:` fingerprint. */
export interface HostKeyPin {
  knownHosts: readonly KnownHostEntry[] | undefined;
  /** Where the known_hosts entries came from, for messages. */
  knownHostsPath: string | undefined;
  fingerprint: string | undefined;
}

/** OpenSSH-style fingerprint of a public key blob: `SHA256:` + unpadded base64 of its SHA-256. */
export function sha256Fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type written at the start of a public key blob (e.g. `ssh-ed25519`). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  return key.subarray(4, 4 + length).toString('latin1');
}

/** Host key algorithms to offer so the server presents a key of a type we have pinned. */
export function hostKeyAlgorithmsFor(pin: HostKeyPin, host: string, port: number): string[] | undefined {
  if (pin.knownHosts === undefined) return undefined;
  const types = new Set(entriesForHost(pin.knownHosts, host, port).filter((e) => !e.revoked).map((e) => e.keyType));
  if (types.size === 0) return undefined;
  const algorithms: string[] = [];
  for (const type of types) {
    if (type === 'ssh-rsa') algorithms.push('rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa');
    else algorithms.push(type);
  }
  return algorithms;
}

/**
 * Checks `key` presented by `host`:`port` against the pin (both the fingerprint and known_hosts when both are set). Returns nothing when it matches;
 * returns (does not throw) the typed error otherwise, so the caller can refuse the handshake and report it.
 */
export function checkHostKey(
  pin: HostKeyPin,
  target: string,
  host: string,
  port: number,
  key: Buffer,
): HostKeyMismatchError | UnknownHostKeyError | undefined {
  const presented = `${keyTypeOf(key)} ${sha256Fingerprint(key)}`;
  if (pin.fingerprint !== undefined) {
    const wanted = pin.fingerprint.replace(/=+$/, '');
    if (sha256Fingerprint(key) !== wanted) return new HostKeyMismatchError(target, presented, `fingerprint ${wanted}`);
    if (pin.knownHosts === undefined) return undefined;
  }
  if (pin.knownHosts === undefined) {
    return new UnknownHostKeyError(target, presented, 'no known_hosts file and no fingerprint configured');
  }
  const where = `known_hosts ${pin.knownHostsPath ?? '(inline)'}`;
  const entries = entriesForHost(pin.knownHosts, host, port);
  if (entries.some((e) => e.revoked && e.key.equals(key))) return new HostKeyMismatchError(target, presented, `${where}: key is @revoked`);
  const valid = entries.filter((e) => !e.revoked);
  if (valid.length === 0) return new UnknownHostKeyError(target, presented, `${where} has no entry for this host`);
  if (valid.some((e) => e.key.equals(key))) return undefined;
  return new HostKeyMismatchError(target, presented, `${where}, line ${valid.map((e) => e.line).join(', ')}`);
}
