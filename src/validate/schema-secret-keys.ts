/**
 * Which keys hold secrets, for schema messages only (so a bad value is never echoed).
 * Private stand-in until src/inventory/secrets.ts (`isSecretKey`) is shared; keep it small and
 * conservative: a false positive only hides a value from a message.
 */
const SECRET_KEY = /(password|passwd|secret|_pass$|^pass$|token|pgsodium_key|private_key|_pgurl$|_url$)/i;

export function isSchemaSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A string that looks like a connection URL with credentials (`scheme://user:pass@host`). */
export function looksLikeCredentialUrl(value: string): boolean {
  return /:\/\/[^/\s]*:[^/\s]*@/.test(value);
}
