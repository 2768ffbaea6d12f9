/**
 * Source positions of one YAML file, computed on first use from the retained (packed) event stream:
 * a light tree of offsets mirroring the document (aliases point at their anchor's subtree,
 * merge keys are searched after explicit keys), so a JSON path maps to file:line:column.
 */
import { getScalarValue } from 'js-yaml';
import type { JsonPath } from '../json-path.js';
import type { SourcePosition } from '../model.js';
import { scalarOffset } from './construct.js';
import type { LineIndex } from './line-index.js';
import type { PackedEvents } from './packed-events.js';
import { plainKey } from './scalars.js';
import { EV_ALIAS, EV_DOCUMENT, EV_MAPPING, EV_POP, EV_SCALAR, EV_SEQUENCE, STYLE_BLOCK, STYLE_PLAIN } from './event-codes.js';

interface Entry {
  /** Offset of the key (-1 for sequence items). */
  keyOffset: number;
  node: PosNode;
}

interface PosNode {
  /** Index of the node's event. */
  index: number;
  offset: number;
  /** Block collections are reported at their key, everything else at the value. */
  block: boolean;
  /** Children, filled on first visit. */
  map?: Map<string, Entry>;
  seq?: Entry[];
  merges?: PosNode[];
  /** For an alias: the anchored node (resolved on first visit). */
  target?: PosNode;
}


/**
 * The position tree over packed events, built lazily: a collection's children are read
 * only when a path goes through it, so locating a few paths in a big file stays cheap.
 * Reads what an eager walk of the whole stream would: an alias points at the last node
 * with its anchor completed before it; a duplicate key's last occurrence wins.
 */
class LazyTree {
  /** Anchor name → [event index, index where the anchored node ends], in stream order. */
  private anchors: Map<string, [number, number][]> | undefined;

  constructor(
    private readonly events: PackedEvents,
    private readonly source: string,
  ) {}

  root(): PosNode | undefined {
    const events = this.events;
    for (let i = 0; i < events.length; i++) {
      if (events.type(i) === EV_DOCUMENT) {
        const next = i + 1;
        return next >= events.length || events.type(next) === EV_POP ? undefined : this.node(next);
      }
    }
    return undefined;
  }

  private node(at: number): PosNode {
    const events = this.events;
    if (at >= events.length) return { index: at, offset: -1, block: false };
    switch (events.type(at)) {
      case EV_SCALAR:
        return { index: at, offset: scalarOffset(this.source, events.scalar(at)), block: false };
      case EV_ALIAS:
        return { index: at, offset: events.anchorStart(at) - 1, block: false };
      case EV_SEQUENCE:
      case EV_MAPPING:
        return { index: at, offset: events.start(at), block: events.style(at) === STYLE_BLOCK };
      default:
        return { index: at, offset: -1, block: false };
    }
  }

  /** The alias's anchored node (memoised), or the node itself when it is no alias. */
  target(node: PosNode): PosNode | undefined {
    const events = this.events;
    if (events.type(node.index) !== EV_ALIAS) return undefined;
    if (node.target !== undefined) return node.target;
    const name = this.source.slice(events.anchorStart(node.index), events.anchorEnd(node.index));
    let best: [number, number] | undefined;
    for (const def of this.anchorDefinitions().get(name) ?? []) {
      if (def[1] < node.index && (best === undefined || def[1] > best[1])) best = def;
    }
    if (best !== undefined) node.target = this.node(best[0]);
    return node.target;
  }

  private anchorDefinitions(): Map<string, [number, number][]> {
    if (this.anchors === undefined) {
      const anchors = new Map<string, [number, number][]>();
      const events = this.events;
      for (let i = 0; i < events.length; i++) {
        const type = events.type(i);
        if (type !== EV_SCALAR && type !== EV_SEQUENCE && type !== EV_MAPPING) continue;
        const start = events.anchorStart(i);
        if (start < 0) continue;
        const name = this.source.slice(start, events.anchorEnd(i));
        const list = anchors.get(name) ?? [];
        list.push([i, events.next(i) - 1]);
        anchors.set(name, list);
      }
      this.anchors = anchors;
    }
    return this.anchors;
  }

  /** Fills a collection's children (once). */
  expand(node: PosNode): void {
    const events = this.events;
    const type = events.type(node.index);
    if (type === EV_SEQUENCE) {
      if (node.seq !== undefined) return;
      const seq: Entry[] = [];
      for (let i = node.index + 1; i < events.length && events.type(i) !== EV_POP; i = events.next(i)) seq.push({ keyOffset: -1, node: this.node(i) });
      node.seq = seq;
    } else if (type === EV_MAPPING) {
      if (node.map !== undefined) return;
      const map = new Map<string, Entry>();
      node.map = map;
      let i = node.index + 1;
      while (i < events.length && events.type(i) !== EV_POP) {
        let key: string | undefined;
        let keyOffset = -1;
        let merge = false;
        if (events.type(i) === EV_SCALAR) {
          const keyEv = events.scalar(i);
          keyOffset = scalarOffset(this.source, keyEv);
          const text = getScalarValue(this.source, keyEv);
          if (keyEv.style === STYLE_PLAIN && keyEv.tagStart < 0) {
            if (text === '<<') merge = true;
            else key = plainKey(text);
          } else key = text;
        }
        i = events.next(i);
        const value = this.node(i);
        i = events.next(i);
        if (value.offset < 0) value.offset = keyOffset;
        if (merge) {
          const target = this.target(value);
          if (target !== undefined) this.expand(target);
          this.expand(value);
          const sources = target?.seq ?? value.seq;
          const list = sources !== undefined ? sources.map((e) => e.node) : [value];
          (node.merges ??= []).push(...list);
        } else if (key !== undefined) map.set(key, { keyOffset, node: value });
      }
    }
  }

  deref(node: PosNode): PosNode {
    let n = node;
    for (let guard = 0; guard < 64; guard++) {
      const t = this.target(n);
      if (t === undefined) break;
      n = t;
    }
    return n;
  }

  child(node: PosNode, part: string | number): Entry | undefined {
    const n = this.deref(node);
    this.expand(n);
    if (typeof part === 'number') return n.seq?.[part];
    const direct = n.map?.get(part);
    if (direct !== undefined) return direct;
    for (const m of n.merges ?? []) {
      const found = this.child(m, part);
      if (found !== undefined) return found;
    }
    if (n.seq !== undefined && /^(0|[1-9][0-9]*)$/.test(part)) return n.seq[Number(part)];
    return undefined;
  }
}

export interface FileLocation {
  position: SourcePosition;
  /** How many leading path parts were found in this file. */
  matched: number;
}

/** Locates values inside one file; builds its position tree on first use. */
export class FilePositions {
  private root: PosNode | null | undefined;
  private lazy: LazyTree | undefined;

  constructor(
    readonly file: string,
    private readonly source: string,
    private events: PackedEvents | undefined,
    private readonly lines: LineIndex,
  ) {}

  private tree(): PosNode | undefined {
    if (this.root === undefined) {
      this.lazy = this.events === undefined ? undefined : new LazyTree(this.events, this.source);
      this.root = this.lazy?.root() ?? null;
    }
    return this.root ?? undefined;
  }

  private at(offset: number): SourcePosition {
    const { line, column } = this.lines.position(Math.max(0, offset));
    return { file: this.file, line, column };
  }

  /** Position of the value at `path` in this file, or of its nearest existing ancestor. */
  locate(path: JsonPath): FileLocation {
    const root = this.tree();
    const lazy = this.lazy;
    if (root === undefined || lazy === undefined) return { position: this.at(0), matched: 0 };
    let entry: Entry = { keyOffset: -1, node: root };
    let matched = 0;
    for (const part of path) {
      const next = lazy.child(entry.node, part);
      if (next === undefined) break;
      entry = next;
      matched++;
    }
    const node = entry.node;
    const offset = node.block && entry.keyOffset >= 0 ? entry.keyOffset : node.offset >= 0 ? node.offset : entry.keyOffset;
    return { position: this.at(offset), matched };
  }
}
