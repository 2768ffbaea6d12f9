/**
 * The quickest path for the flow mappings inventories are made of, e.g.
 * `{ name: dbuser_meta, password: x, roles: [ dbrole_admin ], comment: 'y' }`: one line, blanks
 * that are spaces, keys that are one-word plain scalars followed by `: `, values that are a
 * one-word plain scalar, a quoted scalar without escapes or line breaks, or a sequence of such
 * words and quoted scalars. Small on purpose: V8 optimizes it soon after a cold start, and the
 * general one-line reader (fast-scan-flow-line.ts) then rarely runs.
 *
 * Writes the same events as that reader (into `events.data`, past `events.length`, which the
 * caller counts in on success) and answers -1 for anything else, leaving the caller to clear
 * the slots and read the collection the general way.
 */
import {
  CHOMP_CLIP,
  COLLECTION_FLOW,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  FastScanEvents,
  SCALAR_DOUBLE_QUOTED,
  SCALAR_PLAIN,
  SCALAR_SINGLE_QUOTED,
} from './fast-scan-events.js';
import { F_END, META_CHOMPING_SHIFT, META_FAST, META_STYLE_SHIFT, STRIDE } from './packed-events.js';
import { PLAIN_START, ScanPatterns } from './fast-scan-chars.js';

const PLAIN_FAST = EVENT_SCALAR | (SCALAR_PLAIN << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT) | META_FAST;
const SINGLE_QUOTED = EVENT_SCALAR | (SCALAR_SINGLE_QUOTED << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT);
const DOUBLE_QUOTED_FAST = EVENT_SCALAR | (SCALAR_DOUBLE_QUOTED << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT) | META_FAST;
const FLOW_MAPPING = EVENT_MAPPING | (COLLECTION_FLOW << META_STYLE_SHIFT);
const FLOW_SEQUENCE = EVENT_SEQUENCE | (COLLECTION_FLOW << META_STYLE_SHIFT);

/**
 * Reads the flow mapping opening at `position` (a `{`) when it is of the simple kind; returns
 * the position after its `}`, or -1. `depthRoom` is how many more nested nodes maxDepth allows.
 * One loop with one scalar reader for the entries and the items of a value sequence: TurboFan's
 * compile time grows with every loop it inlines, and a cold run waits for that compile.
 */
export function scanSimpleFlowMapping(input: string, position: number, events: FastScanEvents, depthRoom: number, patterns: ScanPatterns): number {
  // The entries are one level down, a sequence's items two.
  if (depthRoom < 2) return -1;
  const d = events.data;
  const run = patterns.flowPlainRun;
  let n = events.length;
  const mapping = n++;
  d[mapping * STRIDE] = FLOW_MAPPING;
  d[mapping * STRIDE + 1] = position;
  // The event of the value sequence being read, -1 while reading the mapping's entries.
  let sequence = -1;
  let pos = position + 1;
  let ch = input.charCodeAt(pos);
  for (;;) {
    // At an entry or an item: after the opening bracket or a comma.
    while (ch === 32) ch = input.charCodeAt(++pos);
    if (sequence >= 0 && ch === 93) {
      d[n * STRIDE] = EVENT_POP;
      d[sequence * STRIDE + F_END] = n++;
      sequence = -1;
      ch = input.charCodeAt(++pos);
    } else {
      if (sequence < 0) {
        if (ch === 125) break;
        // key: a one-word plain scalar and `: ` (`-` and `?` need a second character).
        if (ch < 128 && PLAIN_START[ch] !== 1) return -1;
        run.lastIndex = pos;
        run.test(input);
        const keyEnd = run.lastIndex;
        if (input.charCodeAt(keyEnd) !== 58 || input.charCodeAt(keyEnd + 1) !== 32 || ((ch === 45 || ch === 63) && keyEnd - pos < 2)) return -1;
        const o = n++ * STRIDE;
        d[o] = PLAIN_FAST;
        d[o + 1] = pos;
        d[o + 2] = keyEnd;
        pos = keyEnd + 1;
        do ch = input.charCodeAt(++pos);
        while (ch === 32);
        if (ch === 91) {
          sequence = n++;
          d[sequence * STRIDE] = FLOW_SEQUENCE;
          d[sequence * STRIDE + 1] = pos;
          ch = input.charCodeAt(++pos);
          continue;
        }
      }
      pos = readSimpleScalar(input, pos, ch, d, n++, patterns);
      if (pos < 0) return -1;
      ch = input.charCodeAt(pos);
      while (ch === 32) ch = input.charCodeAt(++pos);
      if (ch === 44) {
        ch = input.charCodeAt(++pos);
        continue;
      }
      if (sequence < 0) {
        if (ch === 125) break;
        return -1;
      }
      if (ch !== 93) return -1; // a `:` here would make a pair
      d[n * STRIDE] = EVENT_POP;
      d[sequence * STRIDE + F_END] = n++;
      sequence = -1;
      ch = input.charCodeAt(++pos);
    }
    // After a value sequence's `]`.
    while (ch === 32) ch = input.charCodeAt(++pos);
    if (ch === 125) break;
    if (ch !== 44) return -1;
    ch = input.charCodeAt(++pos);
  }
  d[n * STRIDE] = EVENT_POP;
  d[mapping * STRIDE + F_END] = n++;
  events.length = n;
  return pos + 1;
}

/**
 * Reads a one-word plain scalar (followed by a blank, `,`, `]` or `}`) or a one-line quoted
 * scalar without escapes at `position` (`ch` is its first character) as event `n`; returns the
 * position after it, or -1.
 */
function readSimpleScalar(input: string, position: number, ch: number, d: Int32Array, n: number, patterns: ScanPatterns): number {
  const o = n * STRIDE;
  if (ch === 39) {
    const run = patterns.singleQuotedRun;
    let pos = position + 1;
    let meta = SINGLE_QUOTED | META_FAST;
    for (;;) {
      run.lastIndex = pos;
      run.test(input);
      pos = run.lastIndex;
      if (input.charCodeAt(pos) !== 39) return -1; // a line break or the end
      if (input.charCodeAt(pos + 1) !== 39) break;
      meta = SINGLE_QUOTED;
      pos += 2;
    }
    d[o] = meta;
    d[o + 1] = position + 1;
    d[o + 2] = pos;
    return pos + 1;
  }
  if (ch === 34) {
    const run = patterns.doubleQuotedRun;
    run.lastIndex = position + 1;
    run.test(input);
    const pos = run.lastIndex;
    if (input.charCodeAt(pos) !== 34) return -1; // an escape, a line break or the end
    d[o] = DOUBLE_QUOTED_FAST;
    d[o + 1] = position + 1;
    d[o + 2] = pos;
    return pos + 1;
  }
  if (ch < 128 && PLAIN_START[ch] !== 1) return -1;
  const run = patterns.flowPlainRun;
  run.lastIndex = position;
  run.test(input);
  const end = run.lastIndex;
  const after = input.charCodeAt(end);
  if ((after !== 32 && after !== 44 && after !== 93 && after !== 125) || ((ch === 45 || ch === 63) && end - position < 2)) return -1;
  d[o] = PLAIN_FAST;
  d[o + 1] = position;
  d[o + 2] = end;
  return end;
}
