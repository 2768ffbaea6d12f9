/**
 * The fast path for the flow collections inventories are full of, e.g.
 * `{ name: dbuser_meta, password: x, roles: [ dbrole_admin ], comment: 'y' }`: a collection that
 * opens and closes on one line, holding plain and simple quoted scalars and nested collections,
 * separated by spaces only. Written as one loop over an explicit stack instead of js-yaml's
 * recursion (readFlowCollection → parseNode → readPlainScalar …), with the same events.
 *
 * Anything else (a line break, a comment, a tab, an escape, a `?` or an empty key, a property,
 * a pair inside a sequence, an error) answers -1: the caller rolls the events back and reads the
 * collection with the general port. Like the general port, it relies on fastScan having declined
 * text with non-printable characters.
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
import { scanSimpleFlowMapping } from './fast-scan-flow-simple.js';
import { FLOW_PLAIN_ORDINARY, PLAIN_START, ScanPatterns } from './fast-scan-chars.js';

/** Nesting the fast path tracks (deeper collections go to the general port). */
export const FLOW_LINE_MAX_LEVELS = 32;

const PHASE_ENTRY = 0; // before an entry (or the closing bracket)
const PHASE_AFTER_KEY = 1; // after an entry's first node
const PHASE_AFTER_VALUE = 2; // after a pair's value
const PHASE_MASK = 3;
const READ_NEXT = 4; // a comma was read (or the collection just opened)
const IS_MAPPING = 8;
/** Longest line the fast path takes (it reserves room for two events per character). */
const MAX_LINE = 8192;
/** A plain scalar event's meta slot (clip, fast). */
const PLAIN_FAST = EVENT_SCALAR | (SCALAR_PLAIN << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT) | META_FAST;

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/**
 * Reads the flow collection opening at `position` (a `[` or `{`). Returns the position after
 * its closing bracket, or -1 when the collection is outside the fast path. `depthRoom` is how
 * many more nested nodes js-yaml's maxDepth allows; `states` is scratch space of
 * 2 × FLOW_LINE_MAX_LEVELS numbers. The events are written straight into `events.data` (each
 * event consumes a character, or two events one, so the line bounds them; slots past
 * `events.length` are -1 and only the used ones are written) and only counted in
 * `events.length` on success; after a -1 the slots are reset).
 */
export function scanFlowLine(
  input: string,
  position: number,
  events: FastScanEvents,
  depthRoom: number,
  states: Int32Array,
  patterns: ScanPatterns,
): number {
  const newline = input.indexOf('\n', position);
  const lineLength = (newline < 0 ? input.length : newline) - position;
  if (lineLength > MAX_LINE) return -1;
  const bound = 2 * lineLength + 4;
  events.ensure(bound);
  if (input.charCodeAt(position) === 123) {
    const simpleEnd = scanSimpleFlowMapping(input, position, events, depthRoom, patterns);
    if (simpleEnd >= 0) return simpleEnd;
    events.clear(bound);
  }
  const end = readFlowLine(input, position, events, depthRoom, states, patterns);
  if (end < 0) events.clear(bound);
  return end;
}

function readFlowLine(
  input: string,
  position: number,
  events: FastScanEvents,
  depthRoom: number,
  states: Int32Array,
  patterns: ScanPatterns,
): number {
  const d = events.data;
  let n = events.length;
  let pos = position;
  let ch = input.charCodeAt(pos);
  let level = 0;
  let state = 0;
  // states[2 * level] = the level's state word, states[2 * level + 1] = its opening event.
  let open = true;
  for (;;) {
    if (open) {
      // Open the collection at `pos` (a `[` or `{`) as js-yaml's readFlowCollection does.
      open = false;
      state = ch === 123 ? IS_MAPPING | READ_NEXT : READ_NEXT;
      states[2 * level + 1] = n;
      const o = n++ * STRIDE;
      d[o] = (ch === 123 ? EVENT_MAPPING : EVENT_SEQUENCE) | (COLLECTION_FLOW << META_STYLE_SHIFT);
      d[o + 1] = pos;
      pos++;
    }
    // skipFlowSeparationSpace, on one line and without tabs or comments.
    ch = input.charCodeAt(pos);
    while (ch === 32) ch = input.charCodeAt(++pos);
    if (ch === 9 || ch === 35 || ch === 10 || ch === 13 || ch === 0) return -1;
    const phase = state & PHASE_MASK;
    const isMapping = (state & IS_MAPPING) !== 0;
    let node = false; // whether a node is to be read at `pos`
    if (phase === PHASE_ENTRY) {
      if (ch === (isMapping ? 125 : 93)) {
        const o = n * STRIDE;
        d[o] = EVENT_POP;
        d[(states[2 * level + 1] ?? 0) * STRIDE + F_END] = n++;
        pos++;
        if (level === 0) {
          events.length = n;
          return pos;
        }
        state = states[2 * --level] ?? 0;
        continue;
      }
      if ((state & READ_NEXT) === 0 || ch === 44) return -1;
      if (ch === 63) {
        const next = input.charCodeAt(pos + 1);
        if (next === 32 || next === 9 || next === 10 || next === 13) return -1;
      }
      if (level >= depthRoom) return -1;
      state = (state & ~PHASE_MASK) | PHASE_AFTER_KEY;
      node = true;
      if (isMapping && (ch >= 128 || PLAIN_START[ch] === 1)) {
        // The common entry `key: value,` with one-word plain scalars, read in one step: the
        // same events as the three the loop would take (key, value, comma).
        const run = patterns.flowPlainRun;
        run.lastIndex = pos;
        run.test(input);
        const keyEnd = run.lastIndex;
        if (input.charCodeAt(keyEnd) === 58 && input.charCodeAt(keyEnd + 1) === 32 && ((ch !== 45 && ch !== 63) || keyEnd - pos >= 2)) {
          const o = n++ * STRIDE;
          d[o] = PLAIN_FAST;
          d[o + 1] = pos;
          d[o + 2] = keyEnd;
          pos = keyEnd + 1;
          do ch = input.charCodeAt(++pos);
          while (ch === 32);
          if (ch === 9 || ch === 35 || ch === 10 || ch === 13 || ch === 0) return -1;
          state = (state & ~PHASE_MASK) | PHASE_AFTER_VALUE;
          if (ch >= 128 || PLAIN_START[ch] === 1) {
            run.lastIndex = pos;
            run.test(input);
            const valueEnd = run.lastIndex;
            const after = input.charCodeAt(valueEnd);
            if ((after === 44 || after === 125) && ((ch !== 45 && ch !== 63) || valueEnd - pos >= 2)) {
              const v = n++ * STRIDE;
              d[v] = PLAIN_FAST;
              d[v + 1] = pos;
              d[v + 2] = valueEnd;
              if (after === 44) {
                state = (state & ~PHASE_MASK) | PHASE_ENTRY | READ_NEXT;
                pos = valueEnd + 1;
              } else {
                state = (state & ~(PHASE_MASK | READ_NEXT)) | PHASE_ENTRY;
                pos = valueEnd;
              }
              continue;
            }
          }
        }
      }
    } else if (phase === PHASE_AFTER_KEY) {
      if (ch === 58) {
        if (!isMapping) return -1; // a pair inside a sequence
        ch = input.charCodeAt(++pos);
        while (ch === 32) ch = input.charCodeAt(++pos);
        if (ch === 9 || ch === 35 || ch === 10 || ch === 13 || ch === 0) return -1;
        state = (state & ~PHASE_MASK) | PHASE_AFTER_VALUE;
        node = true;
      } else {
        if (isMapping) {
          // js-yaml's empty scalar: no range, plain, clip, not fast.
          d[n++ * STRIDE] = EVENT_SCALAR | (SCALAR_PLAIN << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT);
        }
        state = (state & ~(PHASE_MASK | READ_NEXT)) | PHASE_ENTRY;
        if (ch === 44) {
          state |= READ_NEXT;
          pos++;
        }
        continue;
      }
    } else {
      state = (state & ~(PHASE_MASK | READ_NEXT)) | PHASE_ENTRY;
      if (ch === 44) {
        state |= READ_NEXT;
        pos++;
      }
      continue;
    }
    if (!node) continue;
    // parseNode(FLOW_IN) at `pos`, `ch`: a collection opens, or one scalar is emitted below.
    let valueStart = -1;
    let valueEnd = -1;
    let style = SCALAR_PLAIN;
    let fast = false;
    if (ch === 91 || ch === 123) {
      if (level + 1 >= FLOW_LINE_MAX_LEVELS) return -1;
      states[2 * level++] = state;
      open = true;
      continue;
    }
    if (ch === 39) {
      const start = ++pos;
      let simple = true;
      ch = input.charCodeAt(pos);
      const run = patterns.singleQuotedRun;
      for (;;) {
        run.lastIndex = pos;
        run.test(input);
        pos = run.lastIndex;
        if (input.charCodeAt(pos) !== 39) return -1; // a line break or the end
        if (input.charCodeAt(pos + 1) !== 39) break;
        simple = false;
        pos += 2;
      }
      valueStart = start;
      valueEnd = pos++;
      style = SCALAR_SINGLE_QUOTED;
      fast = simple;
    } else if (ch === 34) {
      const start = ++pos;
      const run = patterns.doubleQuotedRun;
      run.lastIndex = pos;
      run.test(input);
      pos = run.lastIndex;
      if (input.charCodeAt(pos) !== 34) return -1; // an escape, a line break or the end
      valueStart = start;
      valueEnd = pos++;
      style = SCALAR_DOUBLE_QUOTED;
      fast = true;
    } else {
      // canStartPlainScalar(FLOW_IN); nodes it refuses are read as nothing.
      let plain = !(
        ch === 32 || ch === 9 || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 ||
        ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)
      );
      if (plain && (ch === 63 || ch === 45)) {
        const next = input.charCodeAt(pos + 1);
        if (next === 0 || next === 32 || next === 9 || next === 10 || next === 13 || isFlowIndicator(next)) plain = false;
      }
      if (plain) {
        // readPlainScalar(FLOW_IN) on one line (no line start inside a flow collection).
        const start = pos;
        let end = pos;
        for (;;) {
          if (ch >= 128 || FLOW_PLAIN_ORDINARY[ch] === 1) {
            do ch = input.charCodeAt(++pos);
            while (ch >= 128 || FLOW_PLAIN_ORDINARY[ch] === 1);
            end = pos;
          }
          if (ch === 58) {
            const next = input.charCodeAt(pos + 1);
            if (next === 0 || next === 32 || next === 9 || next === 10 || next === 13 || isFlowIndicator(next)) break;
          } else if (ch === 35) {
            const previous = input.charCodeAt(pos - 1);
            if (previous === 32 || previous === 9) break;
          } else if (isFlowIndicator(ch) || ch === 0) break;
          else if (ch === 10 || ch === 13) return -1;
          if (ch !== 32 && ch !== 9) end = pos + 1;
          ch = input.charCodeAt(++pos);
        }
        if (end !== start) {
          valueStart = start;
          valueEnd = end;
          fast = true;
        } else {
          pos = start;
          ch = input.charCodeAt(pos);
        }
      }
      // Nothing read: only an empty value before `,` or `}` stays on the fast path
      // (js-yaml's empty scalar: no range, plain, not fast).
      if (valueStart < 0 && !((state & PHASE_MASK) === PHASE_AFTER_VALUE && (ch === 44 || ch === 125))) return -1;
    }
    const o = n++ * STRIDE;
    d[o] = EVENT_SCALAR | (style << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT) | (fast ? META_FAST : 0);
    d[o + 1] = valueStart;
    d[o + 2] = valueEnd;
  }
}
