import { createHmac } from 'node:crypto';
import { entriesForHost, hostsFieldMatches, knownHostsName, parseKnownHosts } from '../../src/executor/known-hosts.js';
import { checkHostKey, keyTypeOf, sha256Fingerprint } from '../../src/executor/host-key.js';

const blob = (type: string, body: string): Buffer => {
  const name = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(name.length);
  return Buffer.concat([len, name, Buffer.from(body)]);
};
const keyA = blob('ssh-ed25519', 'key-a');
const keyB = blob('ssh-ed25519', 'key-b');

function hashed(name: string): string {
  const salt = Buffer.from('0123456789abcdefghij');
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts parsing and matching', () => {
  const text = [
    '# comment',
    '',
    `admin.example.com,10.10.10.10 ssh-ed25519 ${keyA.toString('base64')} ops`,
    `[10.10.10.11]:2222 ssh-ed25519 ${keyA.toString('base64')}`,
    `${hashed('[db.example.com]:2200')} ssh-ed25519 ${keyB.toString('base64')}`,
    `*.lab,!bad.lab ssh-ed25519 ${keyB.toString('base64')}`,
    `@revoked * ssh-ed25519 ${blob('ssh-ed25519', 'stolen').toString('base64')}`,
    `@cert-authority *.example.com ssh-ed25519 ${keyB.toString('base64')}`,
    'garbage line',
  ].join('\n');
  const entries = parseKnownHosts(text);

  it('keeps usable lines with their line numbers', () => {
    expect(entries.map((e) => [e.line, e.keyType, e.revoked])).toEqual([
      [3, 'ssh-ed25519', false],
      [4, 'ssh-ed25519', false],
      [5, 'ssh-ed25519', false],
      [6, 'ssh-ed25519', false],
      [7, 'ssh-ed25519', true],
    ]);
  });

  it('names a host with a non-default port [host]:port', () => {
    expect(knownHostsName('10.0.0.1', 22)).toBe('10.0.0.1');
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });

  it('matches plain, bracketed, hashed, wildcard and negated patterns', () => {
    expect(entriesForHost(entries, '10.10.10.10', 22).map((e) => e.line)).toEqual([3, 7]);
    expect(entriesForHost(entries, '10.10.10.10', 2222).map((e) => e.line)).toEqual([7]);
    expect(entriesForHost(entries, '10.10.10.11', 2222).map((e) => e.line)).toEqual([4, 7]);
    expect(entriesForHost(entries, 'db.example.com', 2200).map((e) => e.line)).toEqual([5, 7]);
    expect(entriesForHost(entries, 'db.example.com', 22).map((e) => e.line)).toEqual([7]);
    expect(hostsFieldMatches('*.lab,!bad.lab', 'pg.lab')).toBe(true);
    expect(hostsFieldMatches('*.lab,!bad.lab', 'bad.lab')).toBe(false);
  });

  it('accepts the pinned key, refuses a changed, revoked or unknown one', () => {
    const pin = { knownHosts: entries, knownHostsPath: '/etc/kh', fingerprint: undefined };
    expect(checkHostKey(pin, 't', '10.10.10.10', 22, keyA)).toBeUndefined();
    expect(checkHostKey(pin, 't', '10.10.10.10', 22, keyB)?.code).toBe('SSH_HOST_KEY_MISMATCH');
    expect(checkHostKey(pin, 't', '10.10.10.10', 22, blob('ssh-ed25519', 'stolen'))?.code).toBe('SSH_HOST_KEY_MISMATCH');
    expect(checkHostKey(pin, 't', '192.168.0.1', 22, keyA)?.code).toBe('SSH_HOST_KEY_UNKNOWN');
  });

  it('checks a SHA256 fingerprint, with or without base64 padding', () => {
    const fingerprint = sha256Fingerprint(keyA);
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const pin = { knownHosts: undefined, knownHostsPath: undefined, fingerprint };
    expect(checkHostKey(pin, 't', 'h', 22, keyA)).toBeUndefined();
    expect(checkHostKey({ ...pin, fingerprint: `${fingerprint}=` }, 't', 'h', 22, keyA)).toBeUndefined();
    expect(checkHostKey(pin, 't', 'h', 22, keyB)?.code).toBe('SSH_HOST_KEY_MISMATCH');
    expect(keyTypeOf(keyA)).toBe('ssh-ed25519');
  });
});
