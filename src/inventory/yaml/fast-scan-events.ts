/**
 * The growable packed-event buffer the fast scanner writes into, in PackedEvents' layout
 * (STRIDE int32 slots per event, unused slots -1, a collection's F_END = index of its POP).
 * No event objects: one Int32Array, doubled when full, kept at -1 beyond `length` so that an
 * event only writes its used slots. The -1s are written a chunk ahead of the events rather than
 * over the whole array up front: the array is sized for the worst case, and memory never
 * touched costs no page faults (a few ms on a large file, cold).
 */
import * as codes from './event-codes.js';
import { F_END, F_INDENT, F_META, F_START, META_CHOMPING_SHIFT, META_FAST, META_STYLE_SHIFT, STRIDE } from './packed-events.js';

/** js-yaml's event, style and chomping codes (event-codes.ts), as plain numbers under the scanner's names. */
export const EVENT_DOCUMENT: number = codes.EV_DOCUMENT;
export const EVENT_SEQUENCE: number = codes.EV_SEQUENCE;
export const EVENT_MAPPING: number = codes.EV_MAPPING;
export const EVENT_SCALAR: number = codes.EV_SCALAR;
export const EVENT_POP: number = codes.EV_POP;
export const SCALAR_PLAIN: number = codes.STYLE_PLAIN;
export const SCALAR_SINGLE_QUOTED: number = codes.STYLE_SINGLE;
export const SCALAR_DOUBLE_QUOTED: number = codes.STYLE_DOUBLE;
export const SCALAR_LITERAL: number = codes.STYLE_LITERAL;
export const SCALAR_FOLDED: number = codes.STYLE_FOLDED;
export const COLLECTION_BLOCK: number = codes.STYLE_BLOCK;
export const COLLECTION_FLOW: number = codes.STYLE_FLOW;
export const CHOMP_CLIP: number = codes.CHOMP_CLIP;
export const CHOMP_STRIP: number = codes.CHOMP_STRIP;
export const CHOMP_KEEP: number = codes.CHOMP_KEEP;

/** Slots set to -1 at a time ahead of the events. */
const FILL_CHUNK = 1 << 15;

export class FastScanEvents {
  data: Int32Array;
  /** Number of events written. */
  length = 0;
  /** Slots of `data` set to -1 so far (all slots from `length * STRIDE` up to here are -1). */
  private filled = 0;
  /** Event indices of the open collections (-1 for a document), innermost last. */
  private open: Int32Array;
  /** Number of open collections (and documents). */
  top = 0;

  constructor(expectedEvents: number) {
    this.data = new Int32Array(Math.max(64, expectedEvents) * STRIDE);
    this.open = new Int32Array(64);
  }

  /** Makes room for `count` more events (for writers that fill `data` directly: they must
   *  leave every slot past `length` at -1, see `clear`). */
  ensure(count: number): void {
    const end = (this.length + count) * STRIDE;
    if (end > this.filled) this.fillTo(end);
  }

  private reserve(): number {
    const o = this.length * STRIDE;
    if (o + STRIDE > this.filled) this.fillTo(o + STRIDE);
    return o;
  }

  /** Sets slots to -1 up to at least `end` (a chunk more when there is room), growing `data` if needed. */
  private fillTo(end: number): void {
    while (end > this.data.length) this.grow();
    const to = Math.min(this.data.length, Math.max(end, this.filled + FILL_CHUNK));
    this.data.fill(-1, this.filled, to);
    this.filled = to;
  }

  private grow(): void {
    const grown = new Int32Array(this.data.length * 2);
    grown.set(this.data.subarray(0, this.filled));
    this.data = grown;
  }

  private pushOpen(index: number): void {
    if (this.top === this.open.length) {
      const grown = new Int32Array(this.open.length * 2);
      grown.set(this.open);
      this.open = grown;
    }
    this.open[this.top++] = index;
  }

  scalar(valueStart: number, valueEnd: number, style: number, chomping: number, indent: number, fast: boolean): void {
    const o = this.reserve();
    const d = this.data;
    d[o + F_META] = EVENT_SCALAR | (style << META_STYLE_SHIFT) | (chomping << META_CHOMPING_SHIFT) | (fast ? META_FAST : 0);
    d[o + F_START] = valueStart;
    d[o + F_END] = valueEnd;
    if (indent !== -1) d[o + F_INDENT] = indent;
    this.length++;
  }

  /** js-yaml's empty scalar (no range, plain, clip, indent -1, not fast). */
  emptyScalar(): void {
    const o = this.reserve();
    this.data[o + F_META] = EVENT_SCALAR | (SCALAR_PLAIN << META_STYLE_SHIFT) | (CHOMP_CLIP << META_CHOMPING_SHIFT);
    this.length++;
  }

  collection(type: number, start: number, style: number): void {
    const o = this.reserve();
    const d = this.data;
    d[o + F_META] = type | (style << META_STYLE_SHIFT);
    d[o + F_START] = start;
    this.pushOpen(this.length);
    this.length++;
  }

  private writeCollection(o: number, type: number, start: number, style: number): void {
    const d = this.data;
    d[o + F_META] = type | (style << META_STYLE_SHIFT);
    d[o + F_START] = start;
    d[o + F_END] = -1;
    d[o + 3] = -1;
    d[o + 4] = -1;
    d[o + 5] = -1;
    d[o + 6] = -1;
    d[o + F_INDENT] = -1;
  }

  document(): void {
    const o = this.reserve();
    const d = this.data;
    d[o + F_META] = EVENT_DOCUMENT;
    this.pushOpen(-1);
    this.length++;
  }

  pop(): void {
    const o = this.reserve();
    const d = this.data;
    d[o + F_META] = EVENT_POP;
    if (this.top > 0) {
      const opener = this.open[--this.top] ?? -1;
      if (opener >= 0) d[opener * STRIDE + F_END] = this.length;
    }
    this.length++;
  }

  /** Sets `count` events' worth of slots past `length` back to -1 (after a direct writer gave up). */
  clear(count: number): void {
    const from = this.length * STRIDE;
    this.data.fill(-1, from, Math.min(this.filled, from + count * STRIDE));
  }

  /**
   * Inserts a block mapping's opening event before the event at `index` (its first key), as
   * js-yaml does once it sees the key's `:`. Only a single scalar key is supported (a key that
   * is a flow collection would shift POP indices); returns false otherwise.
   */
  insertMapping(index: number, start: number): boolean {
    if (this.length !== index + 1) return false;
    const from = index * STRIDE;
    if (((this.data[from + F_META] ?? 0) & 15) !== EVENT_SCALAR) return false;
    const o = this.reserve();
    const d = this.data;
    d.copyWithin(o, from, from + STRIDE);
    this.writeCollection(from, EVENT_MAPPING, start, COLLECTION_BLOCK);
    this.pushOpen(index);
    this.length++;
    return true;
  }
}
