import { secretValueRanges } from '../inventory/yaml/secret-value-ranges.js';
import { isSecretKey, REDACTED } from '../inventory/secrets.js';

/**
 * Raw YAML text with every secret value replaced by `<redacted>`, for diffs of inventory files.
 * The values are found in the parsed event stream (secret-value-ranges.ts): a value on one line is
 * replaced whole; one over several lines (a block scalar, a quoted string that wraps) has each line
 * replaced, its indentation and line breaks kept, so the diff's lines stay aligned. Together with
 * `secretScrubber` (known values anywhere, e.g. through an anchor).
 */
export function redactYamlText(text: string): string {
  const ranges = secretValueRanges(text);
  if (ranges === undefined) return redactByPattern(text);
  let out = '';
  let copied = 0;
  for (const [start, end] of ranges) {
    if (start < copied || end <= start) continue;
    out += text.slice(copied, start) + mask(text.slice(start, end));
    copied = end;
  }
  return out + text.slice(copied);
}

function mask(value: string): string {
  if (!value.includes('\n')) return REDACTED;
  return value
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      return line.length > indent.length ? `${indent}${REDACTED}` : line;
    })
    .join('\n');
}

/** `key: value` in block or flow style; the value stops at `,` `}` `]` or a comment in flow style. */
const PAIR = /([A-Za-z_][\w.-]*)(\s*:[ \t]+)('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^,}\]\n#]*[^,}\]\n#\s])/g;
/** A value that continues on the following lines: a block scalar header or an unclosed quote. */
const CONTINUED = /^(?:[|>][-+0-9]*[ \t]*(?:#.*)?|'(?:[^']|'')*|"(?:[^"\\]|\\.)*)$/;

/**
 * For text that is not one readable event stream (a file PyYAML accepts only after the loader's
 * flow-indentation relaxation): secret keys' values on their line, and every following line
 * indented deeper than the key when the value continues there.
 */
function redactByPattern(text: string): string {
  const lines = text.split('\n');
  let continuedBelow = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (continuedBelow >= 0 && (line.trim() === '' || indent > continuedBelow)) {
      if (line.trim() !== '') lines[n] = `${line.slice(0, indent)}${REDACTED}`;
      continue;
    }
    continuedBelow = -1;
    lines[n] = line.replace(PAIR, (whole, key: string, sep: string, value: string) => {
      if (!isSecretKey(key)) return whole;
      if (CONTINUED.test(value.trim())) continuedBelow = indent;
      return `${key}${sep}${REDACTED}`;
    });
  }
  return lines.join('\n');
}
