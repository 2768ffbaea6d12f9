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

interface Entry {
  /** Offset of the key (-1 for sequence items). */
  keyOffset: number;
  node: PosNode;
}

interface PosNode {
  offset: number;
  /** Block collections are reported at their key, everything else at the value. */
  block: boolean;
  map?: Map<string, Entry>;
  seq?: Entry[];
  merges?: PosNode[];
  /** For an alias: the anchored node. */
  target?: PosNode;
}

const EV_DOCUMENT = 1;
const EV_SEQUENCE = 2;
const EV_MAPPING = 3;
const EV_SCALAR = 4;
const EV_ALIAS = 5;
const EV_POP = 6;
const STYLE_PLAIN = 1;
const STYLE_BLOCK = 1;

class TreeBuilder {
  private i = 0;
  private readonly anchors = new Map<string, PosNode>();

  constructor(
    private readonly events: PackedEvents,
    private readonly source: string,
  ) {}

  build(): PosNode | undefined {
    const events = this.events;
    while (this.i < events.length) {
      const type = events.type(this.i);
      this.i++;
      if (type === EV_DOCUMENT) {
        return this.i >= events.length || events.type(this.i) === EV_POP ? undefined : this.node();
      }
    }
    return undefined;
  }

  private anchor(index: number, node: PosNode): void {
    const start = this.events.anchorStart(index);
    if (start >= 0) this.anchors.set(this.source.slice(start, this.events.anchorEnd(index)), node);
  }

  private node(): PosNode {
    const events = this.events;
    const at = this.i;
    this.i++;
    if (at >= events.length) return { offset: -1, block: false };
    switch (events.type(at)) {
      case EV_SCALAR: {
        const node: PosNode = { offset: scalarOffset(this.source, events.scalar(at)), block: false };
        this.anchor(at, node);
        return node;
      }
      case EV_ALIAS: {
        const anchorStart = events.anchorStart(at);
        const target = this.anchors.get(this.source.slice(anchorStart, events.anchorEnd(at)));
        const node: PosNode = { offset: anchorStart - 1, block: false };
        if (target !== undefined) node.target = target;
        return node;
      }
      case EV_SEQUENCE: {
        const seq: Entry[] = [];
        const node: PosNode = { offset: events.start(at), block: events.style(at) === STYLE_BLOCK, seq };
        while (this.i < events.length && events.type(this.i) !== EV_POP) seq.push({ keyOffset: -1, node: this.node() });
        this.i++;
        this.anchor(at, node);
        return node;
      }
      case EV_MAPPING: {
        const map = new Map<string, Entry>();
        const node: PosNode = { offset: events.start(at), block: events.style(at) === STYLE_BLOCK, map };
        while (this.i < events.length && events.type(this.i) !== EV_POP) {
          let key: string | undefined;
          let keyOffset = -1;
          let merge = false;
          if (events.type(this.i) === EV_SCALAR) {
            const keyEv = events.scalar(this.i);
            this.i++;
            keyOffset = scalarOffset(this.source, keyEv);
            const text = getScalarValue(this.source, keyEv);
            if (keyEv.style === STYLE_PLAIN && keyEv.tagStart < 0) {
              if (text === '<<') merge = true;
              else key = plainKey(text);
            } else key = text;
          } else this.node();
          const value = this.node();
          if (value.offset < 0) value.offset = keyOffset;
          if (merge) {
            const sources = value.target?.seq ?? value.seq;
            const list = sources !== undefined ? sources.map((e) => e.node) : [value];
            (node.merges ??= []).push(...list);
          } else if (key !== undefined) map.set(key, { keyOffset, node: value });
        }
        this.i++;
        this.anchor(at, node);
        return node;
      }
      default:
        return { offset: -1, block: false };
    }
  }
}

function deref(node: PosNode): PosNode {
  let n = node;
  for (let guard = 0; n.target !== undefined && guard < 64; guard++) n = n.target;
  return n;
}

function child(node: PosNode, part: string | number): Entry | undefined {
  const n = deref(node);
  if (typeof part === 'number') return n.seq?.[part];
  const direct = n.map?.get(part);
  if (direct !== undefined) return direct;
  for (const m of n.merges ?? []) {
    const found = child(m, part);
    if (found !== undefined) return found;
  }
  if (n.seq !== undefined && /^(0|[1-9][0-9]*)$/.test(part)) return n.seq[Number(part)];
  return undefined;
}

export interface FileLocation {
  position: SourcePosition;
  /** How many leading path parts were found in this file. */
  matched: number;
}

/** Locates values inside one file; builds its position tree on first use. */
export class FilePositions {
  private root: PosNode | null | undefined;

  constructor(
    readonly file: string,
    private readonly source: string,
    private events: PackedEvents | undefined,
    private readonly lines: LineIndex,
  ) {}

  private tree(): PosNode | undefined {
    if (this.root === undefined) {
      this.root = this.events === undefined ? null : (new TreeBuilder(this.events, this.source).build() ?? null);
      this.events = undefined; // the tree replaces the event stream
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
    if (root === undefined) return { position: this.at(0), matched: 0 };
    let entry: Entry = { keyOffset: -1, node: root };
    let matched = 0;
    for (const part of path) {
      const next = child(entry.node, part);
      if (next === undefined) break;
      entry = next;
      matched++;
    }
    const node = entry.node;
    const offset = node.block && entry.keyOffset >= 0 ? entry.keyOffset : node.offset >= 0 ? node.offset : entry.keyOffset;
    return { position: this.at(offset), matched };
  }
}
