/**
 * Which inventory fields hold secrets, so plans, logs, comments and UI can redact them.
 *
 * A key is split into lower-case words (on `_`, `-`, `.` and camelCase), then it is secret when:
 *  1. one of its words is password, passwd, passphrase, pwd, pass, secret, secrets, token,
 *     apikey, credential(s) — unless its LAST word says it describes the secret rather than
 *     holding it (enc, method, type, enabled, dir, file, path, exists, length, policy, query,
 *     mode, validity, expire, ttl, name, user, username). So `pg_admin_password`,
 *     `patroni_password`, `cipher_pass`, `vip_auth_pass`, `s3_key_secret`, `minio_secret_key`,
 *     `JWT_SECRET`, `BOOTSTRAP_TOKEN`, and `password` inside `pg_users` entries are secret;
 *     `pg_pwd_enc` (a method name), `mysql_secret_dir` (a path) and `pg_tokenizer` are not.
 *  2. or its last word is `key` after a word that makes it a private key: secret, private, api,
 *     service, role, anon, signing, encryption, master, auth, jwt, license (`SERVICE_ROLE_KEY`).
 *     Access keys are identifiers, not secrets: `minio_access_key`, `access_key`, `s3_key` are
 *     shown; so are `authorized_key` (public) and file paths like `ssl_key_file`.
 * Names derive from Pigsty's role defaults (roles/* /defaults/main.yml) and its templates.
 */
import type { YamlValue } from './model.js';

export const REDACTED = '<redacted>';

const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pass', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials']);
const DESCRIBING_SUFFIXES = new Set([
  'enc', 'method', 'type', 'enabled', 'dir', 'file', 'path', 'exists', 'length', 'policy', 'query', 'mode', 'validity', 'expire', 'ttl', 'name', 'user', 'username',
]);
const PRIVATE_KEY_QUALIFIERS = new Set(['secret', 'private', 'api', 'service', 'role', 'anon', 'signing', 'encryption', 'master', 'auth', 'jwt', 'license']);

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-.\s]+/)
    .filter((w) => w.length > 0);
}

/**
 * Answers per key name, remembered: an inventory repeats a few hundred key names thousands of
 * times, and splitting each into words again dominated the secret walk of a large inventory.
 * Bounded so a hostile document with millions of distinct keys cannot grow it without limit.
 */
const secretKeyCache = new Map<string, boolean>();
const SECRET_KEY_CACHE_MAX = 10_000;

/**
 * Every secret key has one of these in it (the secret words, and `key` for private keys); most
 * keys of an inventory (IPs, group names, plain parameters) are turned away by this one test.
 */
const MAY_BE_SECRET = /pass|pwd|secret|token|key|credential/i;

/** Whether values under this key are secrets (see the rule above). */
export function isSecretKey(key: string): boolean {
  if (!MAY_BE_SECRET.test(key)) return false;
  const known = secretKeyCache.get(key);
  if (known !== undefined) return known;
  const answer = classifyKey(key);
  if (secretKeyCache.size < SECRET_KEY_CACHE_MAX) secretKeyCache.set(key, answer);
  return answer;
}

function classifyKey(key: string): boolean {
  const w = words(key);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (last === 'key') {
    const before = w[w.length - 2];
    return before !== undefined && PRIVATE_KEY_QUALIFIERS.has(before);
  }
  if (DESCRIBING_SUFFIXES.has(last)) return false;
  return w.some((word) => SECRET_WORDS.has(word));
}

function isEmpty(value: YamlValue): boolean {
  return value === null || value === '';
}

/** A copy of `value` with every secret value (at any depth) replaced by `REDACTED`; keys are kept. */
export function redactDeep(value: YamlValue): YamlValue {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value !== 'object' || value === null) return value;
  const out: { [key: string]: YamlValue } = {};
  for (const [k, v] of Object.entries(value)) {
    const redacted = isSecretKey(k) && !isEmpty(v) ? REDACTED : redactDeep(v);
    if (k === '__proto__') Object.defineProperty(out, k, { value: redacted, enumerable: true, writable: true, configurable: true });
    else out[k] = redacted;
  }
  return out;
}

/** Adds every non-empty scalar of `value` (a value under a secret key), as text, to `into`. */
export function addSecretStrings(value: YamlValue, into: Set<string>): void {
  collectAll(value, into);
}

function collectAll(value: YamlValue, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectAll(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k)) collectAll(value[k] ?? null, into);
  } else if (typeof value === 'string' && value !== '') into.add(value);
  else if (typeof value === 'number') into.add(String(value));
}

function childOf(value: YamlValue | undefined, key: string): YamlValue | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** `known`: the value at the same path in a document already collected; subtrees it shares are skipped. */
function collect(value: YamlValue, into: Set<string>, known: YamlValue | undefined): void {
  if (value === known) return;
  if (Array.isArray(value)) {
    const knownItems = Array.isArray(known) ? known : undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i] ?? null;
      if (typeof v === 'object' && v !== null) collect(v, into, knownItems?.[i]);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const k in value) {
      if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
      const v = value[k] ?? null;
      const knownChild = childOf(known, k);
      if (v === knownChild) continue;
      if (isSecretKey(k)) collectAll(v, into);
      else if (typeof v === 'object' && v !== null) collect(v, into, knownChild);
    }
  }
}

/**
 * Every non-empty secret value in a document (as text), so free text such as command output can
 * be scrubbed. `alreadyCollected`: another document whose secrets the caller holds already (the
 * other side of a plan); the parts the two documents share (the same objects) are not walked again.
 */
export function collectSecretStrings(doc: YamlValue, alreadyCollected?: YamlValue): Set<string> {
  const out = new Set<string>();
  collect(doc, out, alreadyCollected);
  return out;
}
