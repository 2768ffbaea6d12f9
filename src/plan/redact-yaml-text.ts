import { isSecretKey, REDACTED } from '../inventory/secrets.js';

/** `key: value` in block or flow style; the value stops at `,` `}` `]` or a comment in flow style. */
const PAIR = /([A-Za-z_][\w.-]*)(\s*:[ \t]+)('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^,}\]\n#]*[^,}\]\n#\s])/g;

/**
 * Raw YAML text with the value of every secret key replaced by `<redacted>` (block and flow
 * style), for diffs of inventory files. Used together with `secretScrubber` for values that are
 * not on the same line as their key.
 */
export function redactYamlText(text: string): string {
  return text.replace(PAIR, (whole, key: string, sep: string) => (isSecretKey(key) ? `${key}${sep}${REDACTED}` : whole));
}
