/** Character classes shared by the fast scanner's readers. */

/** A character other than printable ASCII, tab and line breaks (the quick first pass). */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7E]/;
/** js-yaml's PATTERN_NON_PRINTABLE (its printable check of plain and block scalars). */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * Whether `text` holds a character js-yaml's printable check refuses anywhere (not only in the
 * plain and block scalars it checks). When it does not, no scalar of `text` fails the check and
 * the only control characters in it are tabs and line breaks, so the readers need not test
 * printability. One native scan; the exact pattern runs only on text that is not all ASCII.
 */
export function hasNonPrintable(text: string): boolean {
  return NOT_PLAIN_ASCII.test(text) && NON_PRINTABLE.test(text);
}

/**
 * 1 for the ASCII characters that neither end a flow plain scalar nor are blanks: all but
 * controls, space, `:`, `#`, `,`, `[`, `]`, `{`, `}` (characters from 128 up are ordinary too,
 * once fastScan has declined text with non-printable characters). A read-only lookup table.
 */
export const FLOW_PLAIN_ORDINARY = flowPlainOrdinaryTable();

function flowPlainOrdinaryTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 33; c < 128; c++) table[c] = 1;
  for (const c of ':#,[]{}') table[c.charCodeAt(0)] = 0;
  return table;
}

/**
 * 1 for the ASCII characters a block plain scalar may start with (canStartPlainScalar), except
 * that `-` and `?` also need a non-blank after them; characters from 128 up may start one too.
 * Controls, blanks, `:` and the indicators `#&*!|>'"%@\`,[]{}` may not (`:` is left out too).
 */
export const PLAIN_START = plainStartTable();

function plainStartTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 33; c < 128; c++) table[c] = 1;
  for (const c of ':#&*!|>\'"%@`,[]{}') table[c.charCodeAt(0)] = 0;
  table[127] = 0;
  return table;
}

/**
 * The sticky patterns the readers skip runs of characters with (native code from the first call,
 * where a character loop would run in V8's interpreter). Created per scan: `lastIndex` is state.
 */
export class ScanPatterns {
  /** A run of characters that neither end a block plain scalar nor start a blank or a comment. */
  readonly blockPlainRun = /[^\0\t\n\r :#]*/y;
  /** The same in flow context, where `,`, `[`, `]`, `{`, `}` end a plain scalar too. */
  readonly flowPlainRun = /[^\0\t\n\r :#,[\]{}]*/y;
  /** A run of spaces. */
  readonly spaces = / */y;
  /** The rest of a line (up to a line break or the end). */
  readonly lineRest = /[^\0\n\r]*/y;
  /** A double-quoted scalar's ordinary characters (up to a quote, an escape or a line break). */
  readonly doubleQuotedRun = /[^\0\n\r"\\]*/y;
  /** A single-quoted scalar's ordinary characters (up to a quote or a line break). */
  readonly singleQuotedRun = /[^\0\n\r']*/y;
}
