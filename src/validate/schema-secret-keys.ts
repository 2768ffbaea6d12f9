/**
 * Which keys hold secrets, for schema messages (so a bad value is never echoed): the inventory's
 * own rule (`isSecretKey`), plus keys whose values are connection URLs or keys that may embed
 * credentials. A false positive only hides a value from a message.
 */
import { isSecretKey } from '../inventory/secrets.js';

const EXTRA_SECRET_KEY = /(_url|_pgurl|pgsodium_key|private_key)$/i;

export function isSchemaSecretKey(key: string): boolean {
  return isSecretKey(key) || EXTRA_SECRET_KEY.test(key);
}

/** A string that looks like a connection URL with credentials (`scheme://user:pass@host`). */
export function looksLikeCredentialUrl(value: string): boolean {
  return /:\/\/[^/\s]*:[^/\s]*@/.test(value);
}
