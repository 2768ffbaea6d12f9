/**
 * A js-yaml event stream packed into one typed array (a few numbers per event), kept for
 * source positions instead of the event objects: the objects are ~10× larger and, kept alive
 * for the life of a load, make every garbage collection afterwards slower.
 */
import type { Event, ScalarEvent } from 'js-yaml';
import { EV_ALIAS, EV_DOCUMENT, EV_MAPPING, EV_POP, EV_SCALAR, EV_SEQUENCE } from './event-codes.js';

/**
 * Layout of one event: STRIDE int32 slots, unused slots -1.
 * F_META = type | style << 4 | chomping << 8 | fast << 12 (each fits in 4 bits).
 */
export const F_META = 0;
export const F_START = 1; // collections: start; scalars: valueStart
export const F_END = 2; // scalars: valueEnd; collections: index of their closing POP event
export const F_ANCHOR_START = 3;
export const F_ANCHOR_END = 4;
export const F_TAG_START = 5;
export const F_TAG_END = 6;
export const F_INDENT = 7; // scalars only
export const STRIDE = 8;
/** F_META bit layout: the type in bits 0-3, then these. */
export const META_STYLE_SHIFT = 4;
export const META_CHOMPING_SHIFT = 8;
export const META_FAST = 1 << 12;

export class PackedEvents {
  readonly length: number;
  private readonly data: Int32Array;

  /** Events already packed in this layout (by a scanner that never builds event objects). */
  static fromData(data: Int32Array, length: number): PackedEvents {
    return new PackedEvents(data, length);
  }

  /** Packs js-yaml's event objects. */
  static fromEvents(events: readonly Event[]): PackedEvents {
    return new PackedEvents(packEvents(events), events.length);
  }

  private constructor(data: Int32Array, length: number) {
    this.data = data;
    this.length = length;
  }

  /** The packed slots (`length * STRIDE` of them), for comparing two packings. */
  slots(): Int32Array {
    return this.data.subarray(0, this.length * STRIDE);
  }

  type(i: number): number {
    return (this.data[i * STRIDE + F_META] ?? -1) & 15;
  }

  /** Index of the first event after the node at `i` (after a collection's closing POP). */
  next(i: number): number {
    const type = this.type(i);
    if (type === EV_SEQUENCE || type === EV_MAPPING) {
      const end = this.data[i * STRIDE + F_END] ?? -1;
      return end < 0 ? this.length : end + 1;
    }
    return i + 1;
  }

  /** Start offset of a collection. */
  start(i: number): number {
    return this.data[i * STRIDE + F_START] ?? -1;
  }

  style(i: number): number {
    return ((this.data[i * STRIDE + F_META] ?? 0) >> META_STYLE_SHIFT) & 15;
  }

  anchorStart(i: number): number {
    return this.data[i * STRIDE + F_ANCHOR_START] ?? -1;
  }

  anchorEnd(i: number): number {
    return this.data[i * STRIDE + F_ANCHOR_END] ?? -1;
  }

  tagStart(i: number): number {
    return this.data[i * STRIDE + F_TAG_START] ?? -1;
  }

  tagEnd(i: number): number {
    return this.data[i * STRIDE + F_TAG_END] ?? -1;
  }

  /** A scalar's value offsets and whether its value is the plain slice between them. */
  valueStart(i: number): number {
    return this.data[i * STRIDE + F_START] ?? -1;
  }

  valueEnd(i: number): number {
    return this.data[i * STRIDE + F_END] ?? -1;
  }

  fast(i: number): boolean {
    return ((this.data[i * STRIDE + F_META] ?? 0) & META_FAST) !== 0;
  }

  /** The scalar event at `i` as js-yaml's object (for `getScalarValue`). */
  scalar(i: number): ScalarEvent {
    const o = i * STRIDE;
    const d = this.data;
    const meta = d[o + F_META] ?? 0;
    return {
      type: EV_SCALAR,
      valueStart: d[o + F_START] ?? -1,
      valueEnd: d[o + F_END] ?? -1,
      anchorStart: d[o + F_ANCHOR_START] ?? -1,
      anchorEnd: d[o + F_ANCHOR_END] ?? -1,
      tagStart: d[o + F_TAG_START] ?? -1,
      tagEnd: d[o + F_TAG_END] ?? -1,
      style: ((meta >> META_STYLE_SHIFT) & 15) as ScalarEvent['style'],
      chomping: ((meta >> META_CHOMPING_SHIFT) & 15) as ScalarEvent['chomping'],
      indent: d[o + F_INDENT] ?? -1,
      fast: (meta & META_FAST) !== 0,
    };
  }
}

function packEvents(events: readonly Event[]): Int32Array {
  const data = new Int32Array(events.length * STRIDE).fill(-1);
  let o = 0;
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    if (ev === undefined) break;
    switch (ev.type) {
      case EV_SCALAR:
        data[o + F_START] = ev.valueStart;
        data[o + F_END] = ev.valueEnd;
        data[o + F_ANCHOR_START] = ev.anchorStart;
        data[o + F_ANCHOR_END] = ev.anchorEnd;
        data[o + F_TAG_START] = ev.tagStart;
        data[o + F_TAG_END] = ev.tagEnd;
        data[o + F_INDENT] = ev.indent;
        data[o + F_META] = ev.type | (ev.style << META_STYLE_SHIFT) | (ev.chomping << META_CHOMPING_SHIFT) | (ev.fast ? META_FAST : 0);
        break;
      case EV_ALIAS:
        data[o + F_ANCHOR_START] = ev.anchorStart;
        data[o + F_ANCHOR_END] = ev.anchorEnd;
        data[o + F_META] = ev.type;
        break;
      case EV_SEQUENCE:
      case EV_MAPPING:
        data[o + F_START] = ev.start;
        data[o + F_ANCHOR_START] = ev.anchorStart;
        data[o + F_ANCHOR_END] = ev.anchorEnd;
        data[o + F_TAG_START] = ev.tagStart;
        data[o + F_TAG_END] = ev.tagEnd;
        data[o + F_META] = ev.type | (ev.style << META_STYLE_SHIFT);
        open.push(o);
        break;
      case EV_POP: {
        data[o + F_META] = ev.type;
        const opener = open.pop();
        if (opener !== undefined && opener >= 0) data[opener + F_END] = i;
        break;
      }
      case EV_DOCUMENT:
        data[o + F_META] = ev.type;
        open.push(-1);
        break;
    }
    o += STRIDE;
  }
  return data;
}
