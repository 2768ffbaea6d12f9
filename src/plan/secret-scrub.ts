import type { Inventory, YamlValue } from '../inventory/model.js';
import { isSecretKey, REDACTED } from '../inventory/secrets.js';

/** Shorter strings are too likely to be ordinary words to scrub blindly. */
const MIN_LENGTH = 4;

const PREFIX_SLOTS = 1 << 20;

/** A hash of the MIN_LENGTH (4) characters at `i` (a filter slot: collisions only cost a lookup). */
function prefixSlot(text: string, i: number): number {
  const h = Math.imul(text.charCodeAt(i), 0x01000193) ^ Math.imul(text.charCodeAt(i + 1), 0x0100019d) ^ Math.imul(text.charCodeAt(i + 2), 0x010001a7) ^ Math.imul(text.charCodeAt(i + 3), 0x010001b5);
  return (h ^ (h >>> 15)) & (PREFIX_SLOTS - 1);
}

/** Every string (or number) under a secret key; `isSecretKey` memoised (inventories repeat keys). */
function collectSecrets(value: YamlValue, into: Set<string>, cache: Map<string, boolean>, under: boolean): void {
  if (Array.isArray(value)) {
    for (const v of value) collectSecrets(v, into, cache, under);
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (v === undefined) continue;
      if (!under && (v === null || typeof v !== 'object')) {
        // A scalar outside any secret: only collected when its own key is secret.
        if (typeof v !== 'string' && typeof v !== 'number') continue;
      }
      let secret = under;
      if (!secret) {
        const known = cache.get(k);
        secret = known ?? isSecretKey(k);
        if (known === undefined) cache.set(k, secret);
      }
      collectSecrets(v, into, cache, secret);
    }
  } else if (under && (typeof value === 'string' || typeof value === 'number')) {
    into.add(String(value));
  }
}

/**
 * Last line of defence for renderings: every string value of a secret field in either inventory
 * is replaced by `<redacted>` wherever it appears in the rendered text. One pass over the text,
 * secrets indexed by their first characters (thousands of secrets stay cheap).
 */
export function secretScrubber(...inventories: (Inventory | undefined)[]): (text: string) => string {
  const byPrefix = new Map<string, string[]>();
  const secrets = new Set<string>();
  const cache = new Map<string, boolean>();
  for (const inv of inventories) if (inv !== undefined) collectSecrets(inv.source.document as unknown as YamlValue, secrets, cache, false);
  {
    for (const s of secrets) {
      if (s.length < MIN_LENGTH) continue;
      const key = s.slice(0, MIN_LENGTH);
      const list = byPrefix.get(key) ?? [];
      if (!list.includes(s)) list.push(s);
      byPrefix.set(key, list);
    }
  }
  if (byPrefix.size === 0) return (text) => text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  // A hashed filter on the first characters: most positions of a text are skipped without
  // slicing a prefix (renderings scrub megabytes of patch lines).
  const slots = new Uint8Array(PREFIX_SLOTS);
  for (const key of byPrefix.keys()) slots[prefixSlot(key, 0)] = 1;
  return (text) => {
    let out = '';
    let copied = 0;
    for (let i = 0; i + MIN_LENGTH <= text.length; ) {
      if (slots[prefixSlot(text, i)] === 0) {
        i += 1;
        continue;
      }
      const hit = byPrefix.get(text.slice(i, i + MIN_LENGTH))?.find((s) => text.startsWith(s, i));
      if (hit === undefined) {
        i += 1;
        continue;
      }
      out += text.slice(copied, i) + REDACTED;
      i += hit.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
