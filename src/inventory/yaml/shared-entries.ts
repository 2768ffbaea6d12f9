/**
 * Reuse between two readings of the same inventory (the plan's base and target): an entry of
 * `all` (`vars`, `hosts`…) or of `all.children` (a group) whose source lines are byte for byte the
 * same in both files has the same value, so the second reading takes the first one's value
 * instead of constructing it again. A plan between two 1,000-cluster files with a few dozen
 * edits then constructs a few dozen groups for its base, and comparing the two models finds the
 * unchanged clusters by identity instead of walking them.
 *
 * Sound only where a subtree's value depends on its text alone, so this answers nothing unless:
 *  - both files were read by the fast scanner (no anchors, aliases, tags or directives);
 *  - the earlier file had no duplicate keys (a shared entry would hide the later file's report);
 *  - the document, `all` and `all.children` are block mappings, and each entry's key starts its
 *    own line (the span compared runs from that line's start to the line of the next key, so it
 *    holds the key's indentation and every line of the value).
 * The shared values are read-only from then on: both documents hold them.
 */
import type { YamlValue } from '../model.js';
import { scalarOffset } from './construct.js';
import { EV_DOCUMENT, EV_MAPPING, EV_POP, EV_SCALAR, STYLE_BLOCK, STYLE_PLAIN } from './event-codes.js';
import type { PackedEvents } from './packed-events.js';
import { plainKey } from './scalars.js';

/** A file read on the fast path whose entries another reading may take. */
export interface ShareableReading {
  text: string;
  events: PackedEvents;
  value: YamlValue;
  /** Its secret values: a reading that takes some of its entries takes these too. */
  secrets: ReadonlySet<string>;
}

interface EntrySpan {
  /** The constructed key (a group name, or `vars`, `hosts`… of `all`). */
  key: string;
  /** Under `all` (`'all'`) or under `all.children` (`'children'`). */
  parent: 'all' | 'children';
  /** Event index of the entry's value. */
  valueIndex: number;
  /** Source lines of the entry, from its key's line to the next key's line. */
  from: number;
  to: number;
}

function isBlockMapping(events: PackedEvents, i: number): boolean {
  return i < events.length && events.type(i) === EV_MAPPING && events.style(i) === STYLE_BLOCK;
}

/** The key's text when it is a plain or simple quoted scalar (its value is the slice), else undefined. */
function keyText(events: PackedEvents, text: string, i: number): string | undefined {
  if (events.type(i) !== EV_SCALAR || !events.fast(i) || events.tagStart(i) >= 0 || events.anchorStart(i) >= 0) return undefined;
  const raw = text.slice(events.valueStart(i), events.valueEnd(i));
  if (events.style(i) !== STYLE_PLAIN) return raw;
  return raw === '<<' ? undefined : plainKey(raw);
}

/** Start of the line holding `offset` when only spaces precede it there, else -1. */
function ownLineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 0x20) i--;
  return i === 0 || text.charCodeAt(i - 1) === 0x0a ? i : -1;
}

function keyOffsetAt(events: PackedEvents, text: string, i: number): number {
  return scalarOffset(text, { valueStart: events.valueStart(i), style: events.style(i), tagStart: events.tagStart(i), anchorStart: events.anchorStart(i) });
}

/** Where the entry after the node at `valueIndex` starts: the next key's line, or the end of the text. */
function spanEnd(events: PackedEvents, text: string, valueIndex: number): number {
  let j = events.next(valueIndex);
  while (j < events.length && events.type(j) === EV_POP) j++;
  if (j >= events.length) return text.length;
  if (events.type(j) !== EV_SCALAR) return -1;
  return ownLineStart(text, keyOffsetAt(events, text, j));
}

/** Entries of a block mapping at `mapIndex`, with their spans; undefined keys (merges, odd keys) are left out. */
function entriesOf(events: PackedEvents, text: string, mapIndex: number, parent: EntrySpan['parent'], out: EntrySpan[]): void {
  const end = events.next(mapIndex) - 1;
  for (let k = mapIndex + 1; k < end; k = events.next(k + 1)) {
    const key = keyText(events, text, k);
    if (key === undefined) continue;
    const valueIndex = k + 1;
    if (parent === 'all' && key === 'children') {
      if (isBlockMapping(events, valueIndex)) entriesOf(events, text, valueIndex, 'children', out);
      continue;
    }
    const from = ownLineStart(text, keyOffsetAt(events, text, k));
    const to = spanEnd(events, text, valueIndex);
    if (from >= 0 && to >= 0) out.push({ key, parent, valueIndex, from, to });
  }
}

/** The spans of every entry of `all` and `all.children`, by `parent/key`; keys present twice are dropped. */
function entrySpans(events: PackedEvents, text: string): Map<string, EntrySpan> {
  const spans = new Map<string, EntrySpan>();
  if (events.length < 2 || events.type(0) !== EV_DOCUMENT || !isBlockMapping(events, 1)) return spans;
  const rootEnd = events.next(1) - 1;
  let all: number | undefined;
  for (let k = 2; k < rootEnd; k = events.next(k + 1)) {
    if (keyText(events, text, k) === 'all') all = all === undefined ? k + 1 : -1;
  }
  if (all === undefined || all < 0 || !isBlockMapping(events, all)) return spans;
  const list: EntrySpan[] = [];
  entriesOf(events, text, all, 'all', list);
  const repeated = new Set<string>();
  for (const span of list) {
    const id = `${span.parent}/${span.key}`;
    if (spans.has(id)) repeated.add(id);
    spans.set(id, span);
  }
  for (const id of repeated) spans.delete(id);
  return spans;
}

function valueIn(reading: ShareableReading, span: EntrySpan): YamlValue | undefined {
  const root = reading.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return undefined;
  const all = root['all'];
  if (typeof all !== 'object' || all === null || Array.isArray(all)) return undefined;
  const parent = span.parent === 'all' ? all : all['children'];
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return undefined;
  return Object.prototype.hasOwnProperty.call(parent, span.key) ? parent[span.key] : undefined;
}

/**
 * Values `earlier` already constructed that `events` (over `text`) may take as they are, by the
 * event index of the value in `events`. Only collections are worth sharing; scalars are left out.
 */
export function sharedEntries(earlier: ShareableReading, events: PackedEvents, text: string): Map<number, YamlValue> {
  const shared = new Map<number, YamlValue>();
  const theirs = entrySpans(earlier.events, earlier.text);
  if (theirs.size === 0) return shared;
  for (const [id, mine] of entrySpans(events, text)) {
    const other = theirs.get(id);
    if (other === undefined || other.to - other.from !== mine.to - mine.from) continue;
    if (text.slice(mine.from, mine.to) !== earlier.text.slice(other.from, other.to)) continue;
    const value = valueIn(earlier, other);
    if (typeof value === 'object' && value !== null) shared.set(mine.valueIndex, value);
  }
  return shared;
}
