/**
 * The growable packed-event buffer the fast scanner writes into, in PackedEvents' layout
 * (STRIDE int32 slots per event, unused slots -1, a collection's F_END = index of its POP).
 * No event objects: one Int32Array, doubled when full.
 */
import { F_END, F_INDENT, F_META, F_START, STRIDE } from './packed-events.js';

/** js-yaml's event, style and chomping codes (checked against js-yaml by the tests). */
export const EVENT_DOCUMENT = 1;
export const EVENT_SEQUENCE = 2;
export const EVENT_MAPPING = 3;
export const EVENT_SCALAR = 4;
export const EVENT_POP = 6;
export const SCALAR_PLAIN = 1;
export const SCALAR_SINGLE_QUOTED = 2;
export const SCALAR_DOUBLE_QUOTED = 3;
export const SCALAR_LITERAL = 4;
export const SCALAR_FOLDED = 5;
export const COLLECTION_BLOCK = 1;
export const COLLECTION_FLOW = 2;
export const CHOMP_CLIP = 1;
export const CHOMP_STRIP = 2;
export const CHOMP_KEEP = 3;

const FAST_BIT = 1 << 12;

export class FastScanEvents {
  data: Int32Array;
  /** Number of events written. */
  length = 0;
  /** Event indices of the open collections (-1 for a document), innermost last. */
  private open: Int32Array;
  /** Number of open collections (and documents). */
  top = 0;

  constructor(expectedEvents: number) {
    this.data = new Int32Array(Math.max(64, expectedEvents) * STRIDE);
    this.open = new Int32Array(64);
  }

  /** Makes room for `count` more events (for writers that fill `data` directly). */
  ensure(count: number): void {
    while ((this.length + count) * STRIDE > this.data.length) this.grow();
  }

  private reserve(): number {
    const o = this.length * STRIDE;
    if (o + STRIDE > this.data.length) this.grow();
    return o;
  }

  private grow(): void {
    const grown = new Int32Array(this.data.length * 2);
    grown.set(this.data);
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
    d[o + F_META] = EVENT_SCALAR | (style << 4) | (chomping << 8) | (fast ? FAST_BIT : 0);
    d[o + F_START] = valueStart;
    d[o + F_END] = valueEnd;
    d[o + 3] = -1;
    d[o + 4] = -1;
    d[o + 5] = -1;
    d[o + 6] = -1;
    d[o + F_INDENT] = indent;
    this.length++;
  }

  /** js-yaml's empty scalar (no range, plain, clip, indent -1, not fast). */
  emptyScalar(): void {
    this.scalar(-1, -1, SCALAR_PLAIN, CHOMP_CLIP, -1, false);
  }

  collection(type: number, start: number, style: number): void {
    const o = this.reserve();
    this.writeCollection(o, type, start, style);
    this.pushOpen(this.length);
    this.length++;
  }

  private writeCollection(o: number, type: number, start: number, style: number): void {
    const d = this.data;
    d[o + F_META] = type | (style << 4);
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
    for (let k = 1; k < STRIDE; k++) d[o + k] = -1;
    this.pushOpen(-1);
    this.length++;
  }

  pop(): void {
    const o = this.reserve();
    const d = this.data;
    d[o + F_META] = EVENT_POP;
    for (let k = 1; k < STRIDE; k++) d[o + k] = -1;
    if (this.top > 0) {
      const opener = this.open[--this.top] ?? -1;
      if (opener >= 0) d[opener * STRIDE + F_END] = this.length;
    }
    this.length++;
  }

  /** Forgets the events written since `length` events were written and `top` were open. */
  rollback(length: number, top: number): void {
    this.length = length;
    this.top = top;
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
