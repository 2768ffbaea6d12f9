/**
 * The last line of defence for free text (renderings, command output, error tails): every known
 * secret value is replaced by a mask wherever it stands as a whole token.
 *
 * Whole token: the characters just before and after the match are not `[A-Za-z0-9_-]`. A password
 * `test` is masked in `password=test`, `"test"` or `postgres://u:test@h`, but `pg-test`, `tests` and
 * `pigsty-conf` stay intact, so cluster names and paths in plans are never mangled. Values shorter
 * than MIN_SECRET_LENGTH are too likely to be ordinary words to scrub blindly, and a value that is
 * also a public name (a cluster, user, database or group name, an IP) is not masked: it is printed
 * as that name anyway. One pass over the text; secrets are indexed by their first characters, so
 * thousands of secrets over megabytes of text stay cheap.
 */
export const MIN_SECRET_LENGTH = 4;

const PREFIX_SLOTS = 1 << 20;

/** A hash of the MIN_SECRET_LENGTH (4) characters at `i` (a filter slot: collisions only cost a lookup). */
function prefixSlot(text: string, i: number): number {
  const h =
    Math.imul(text.charCodeAt(i), 0x01000193) ^
    Math.imul(text.charCodeAt(i + 1), 0x0100019d) ^
    Math.imul(text.charCodeAt(i + 2), 0x010001a7) ^
    Math.imul(text.charCodeAt(i + 3), 0x010001b5);
  return (h ^ (h >>> 15)) & (PREFIX_SLOTS - 1);
}

function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 45 // -
  );
}

function standsAlone(text: string, at: number, length: number): boolean {
  return (at === 0 || !isTokenChar(text.charCodeAt(at - 1))) && (at + length >= text.length || !isTokenChar(text.charCodeAt(at + length)));
}

export interface SecretScrubberOptions {
  /** What replaces a secret. */
  mask: string;
  /** Values that are public names in the inventory; never masked. */
  publicNames?: Iterable<string>;
}

export function createSecretScrubber(secrets: Iterable<string>, options: SecretScrubberOptions): (text: string) => string {
  const publicNames = new Set(options.publicNames ?? []);
  const byPrefix = new Map<string, string[]>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH || publicNames.has(secret)) continue;
    const key = secret.slice(0, MIN_SECRET_LENGTH);
    const list = byPrefix.get(key) ?? [];
    if (!list.includes(secret)) list.push(secret);
    byPrefix.set(key, list);
  }
  if (byPrefix.size === 0) return (text) => text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  // A hashed filter on the first characters: most positions are skipped without slicing a prefix.
  const slots = new Uint8Array(PREFIX_SLOTS);
  for (const key of byPrefix.keys()) slots[prefixSlot(key, 0)] = 1;
  const { mask } = options;
  return (text) => {
    let out = '';
    let copied = 0;
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; ) {
      if (slots[prefixSlot(text, i)] === 0) {
        i += 1;
        continue;
      }
      const hit = byPrefix.get(text.slice(i, i + MIN_SECRET_LENGTH))?.find((s) => text.startsWith(s, i) && standsAlone(text, i, s.length));
      if (hit === undefined) {
        i += 1;
        continue;
      }
      out += text.slice(copied, i) + mask;
      i += hit.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
