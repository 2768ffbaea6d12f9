import type { Inventory, YamlValue } from '../inventory/model.js';
import { collectSecretStrings, REDACTED } from '../inventory/secrets.js';

/** Shorter strings are too likely to be ordinary words to scrub blindly. */
const MIN_LENGTH = 4;

/**
 * Last line of defence for renderings: every string value of a secret field in either inventory
 * is replaced by `<redacted>` wherever it appears in the rendered text.
 */
export function secretScrubber(...inventories: (Inventory | undefined)[]): (text: string) => string {
  const secrets = new Set<string>();
  for (const inv of inventories) {
    if (inv === undefined) continue;
    for (const s of collectSecretStrings(inv.source.document as unknown as YamlValue)) if (s.length >= MIN_LENGTH) secrets.add(s);
  }
  const list = [...secrets].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}
