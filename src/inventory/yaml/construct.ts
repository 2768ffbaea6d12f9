/**
 * Builds plain values from a packed event stream (js-yaml's, or the fast scanner's) the way
 * PyYAML's SafeLoader would, and adds
 * what PyYAML does not do: duplicate keys are errors, and alias expansion is bounded.
 *
 * Aliases reuse the anchored value (no copy), so memory stays small; every reference is
 * charged the node count of the aliased subtree, and the load stops as soon as the total
 * passes the limit (billion laughs fails within a few references).
 */
import { getScalarValue, type ScalarEvent } from 'js-yaml';
import type { Diagnostic } from '../../validate/diagnostic.js';
import type { YamlValue } from '../model.js';
import { addSecretStrings, isSecretKey } from '../secrets.js';
import type { LineIndex } from './line-index.js';
import type { PackedEvents } from './packed-events.js';
import { constructFloat, constructInt, plainKey, resolvePlain } from './scalars.js';
import { EV_ALIAS, EV_DOCUMENT, EV_MAPPING, EV_POP, EV_SCALAR, EV_SEQUENCE, STYLE_DOUBLE, STYLE_PLAIN, STYLE_SINGLE } from './event-codes.js';


const STD = 'tag:yaml.org,2002:';

/** Thrown inside the constructor to stop at the first alias that passes the bound. */
class AliasLimitExceeded extends Error {
  constructor(readonly offset: number) {
    super('alias limit');
  }
}

export function normaliseTag(raw: string): string {
  if (raw.startsWith('!!')) return STD + raw.slice(2);
  if (raw.startsWith('!<') && raw.endsWith('>')) return raw.slice(2, -1);
  return raw;
}

/** Offset where a scalar's text starts, including its opening quote. */
export function scalarOffset(_source: string, ev: { valueStart: number; style: number; tagStart: number; anchorStart: number }): number {
  if (ev.valueStart < 0) return ev.tagStart >= 0 ? ev.tagStart : ev.anchorStart >= 0 ? ev.anchorStart - 1 : -1;
  if (ev.style === STYLE_SINGLE || ev.style === STYLE_DOUBLE) return ev.valueStart - 1;
  return ev.valueStart;
}

export interface ConstructResult {
  /** Value of the (single) document; `undefined` when construction failed. */
  value: YamlValue | undefined;
  /** Number of documents in the stream. */
  documents: number;
}

export class EventConstructor {
  private i = 0;
  private size = 0;
  private aliasNodes = 0;
  private readonly anchors = new Map<string, { value: YamlValue; size: number }>();

  constructor(
    private readonly events: PackedEvents,
    private readonly source: string,
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly maxAliasNodes: number,
    private readonly diagnostics: Diagnostic[],
    /** Values already built elsewhere for nodes of this stream, by event index (see shared-entries.ts). */
    private readonly shared?: ReadonlyMap<number, YamlValue>,
    /**
     * Receives the value of every entry under a secret key as it is built (what a walk of the
     * finished value would collect, or more: overwritten duplicates, merge sources), so the
     * document needs no separate walk for its secrets.
     */
    private readonly secrets?: Set<string>,
  ) {}

  private report(code: string, offset: number, message: string): void {
    const { line, column } = this.lines.position(Math.max(0, offset));
    this.diagnostics.push({ code, severity: 'error', message, path: '', file: this.file, line, column });
  }

  run(): ConstructResult {
    let documents = 0;
    let value: YamlValue | undefined;
    try {
      const events = this.events;
      while (this.i < events.length) {
        if (events.type(this.i) === EV_DOCUMENT) {
          this.i++;
          documents++;
          const docValue = this.i >= events.length || events.type(this.i) === EV_POP ? null : this.node();
          if (documents === 1) value = docValue;
          this.i++; // document POP
        } else this.i++;
      }
    } catch (error) {
      if (error instanceof AliasLimitExceeded) {
        this.report(
          'YAML003',
          error.offset,
          `aliases expand to more than ${this.maxAliasNodes} nodes (a "billion laughs" document?); refusing to load it`,
        );
        return { value: undefined, documents };
      }
      throw error;
    }
    return { value, documents };
  }

  /** The text of the scalar at `i` (plain slices without building an event object). */
  private scalarText(i: number): string {
    const events = this.events;
    if (events.fast(i)) return this.source.slice(events.valueStart(i), events.valueEnd(i));
    return getScalarValue(this.source, events.scalar(i));
  }

  /** Offset where the scalar at `i` starts, including its opening quote. */
  private scalarOffsetAt(i: number): number {
    const e = this.events;
    return scalarOffset(this.source, { valueStart: e.valueStart(i), style: e.style(i), tagStart: e.tagStart(i), anchorStart: e.anchorStart(i) });
  }

  /** Offset of the mapping key at `i`, for reports (computed only when one is made). */
  private keyOffsetAt(k: number): number {
    const events = this.events;
    const keyType = events.type(k);
    if (keyType === EV_SCALAR) return this.scalarOffsetAt(k);
    if (keyType === EV_ALIAS) return events.anchorStart(k) - 1;
    if (keyType === EV_MAPPING || keyType === EV_SEQUENCE) return events.start(k);
    return -1;
  }

  private anchorName(i: number): string {
    return this.source.slice(this.events.anchorStart(i), this.events.anchorEnd(i));
  }

  /** Constructs the node at `this.i`, leaves `this.i` after it and its node count in `this.size`. */
  private node(): YamlValue {
    const events = this.events;
    const at = this.i;
    if (at >= events.length) {
      this.size = 1;
      return null;
    }
    const type = events.type(at);
    if (this.shared !== undefined && type !== EV_SCALAR) {
      const value = this.shared.get(at);
      if (value !== undefined) {
        this.i = events.next(at);
        this.size = 1;
        return value;
      }
    }
    switch (type) {
      case EV_SCALAR: {
        this.i++;
        this.size = 1;
        const value = this.scalar(at);
        if (events.anchorStart(at) >= 0) this.anchors.set(this.anchorName(at), { value, size: 1 });
        return value;
      }
      case EV_ALIAS: {
        this.i++;
        const name = this.anchorName(at);
        const anchored = this.anchors.get(name);
        if (anchored === undefined) {
          // js-yaml's parser already rejects unknown aliases; keep a clear message just in case.
          this.report('YAML001', events.anchorStart(at) - 1, `unknown alias *${name}`);
          this.size = 1;
          return null;
        }
        this.aliasNodes += anchored.size;
        if (this.aliasNodes > this.maxAliasNodes) throw new AliasLimitExceeded(events.anchorStart(at) - 1);
        this.size = anchored.size;
        return anchored.value;
      }
      case EV_SEQUENCE: {
        this.i++;
        const items: YamlValue[] = [];
        let size = 1;
        while (this.i < events.length && events.type(this.i) !== EV_POP) {
          items.push(this.node());
          size += this.size;
        }
        this.i++;
        this.size = size;
        if (events.anchorStart(at) >= 0) this.anchors.set(this.anchorName(at), { value: items, size });
        return items;
      }
      case EV_MAPPING: {
        this.i++;
        const map: { [key: string]: YamlValue } = {};
        let merges: { [key: string]: YamlValue }[] | undefined;
        let size = 1;
        while (this.i < events.length) {
          const k = this.i;
          const keyType = events.type(k);
          if (keyType === EV_POP) break;
          let key: string | undefined;
          let isMerge = false;
          if (keyType === EV_SCALAR) {
            this.i++;
            if (events.tagStart(k) < 0 && events.style(k) === STYLE_PLAIN) {
              const text = this.scalarText(k);
              if (text === '<<') isMerge = true;
              else key = plainKey(text);
            } else {
              const v = this.scalar(k);
              key = typeof v === 'string' ? v : String(v);
            }
          } else if (keyType === EV_ALIAS) {
            const v = this.node();
            if (typeof v === 'object' && v !== null) this.report('YAML001', events.anchorStart(k) - 1, 'a mapping key must be a scalar');
            else key = String(v);
          } else {
            this.node();
            this.report('YAML001', this.keyOffsetAt(k), 'a mapping key must be a scalar, not a collection');
          }
          const value = this.node();
          size += this.size + 1;
          if (isMerge) {
            const sources = Array.isArray(value) ? value : [value];
            for (const s of sources) {
              if (typeof s === 'object' && s !== null && !Array.isArray(s)) (merges ??= []).push(s);
              else this.report('YAML001', this.keyOffsetAt(k), 'a merge key (<<) needs a mapping or a list of mappings');
            }
            continue;
          }
          if (key === undefined) continue;
          if (this.secrets !== undefined && isSecretKey(key)) addSecretStrings(value, this.secrets);
          if (Object.prototype.hasOwnProperty.call(map, key)) this.reportDuplicate(at, key, this.keyOffsetAt(k));
          setKey(map, key, value);
        }
        this.i++;
        if (merges !== undefined) {
          // PyYAML: explicit keys win; among merged mappings, the first one listed wins.
          for (const m of merges) {
            for (const k of Object.keys(m)) {
              if (!Object.prototype.hasOwnProperty.call(map, k)) setKey(map, k, m[k] ?? null);
            }
          }
        }
        this.size = size;
        if (events.anchorStart(at) >= 0) this.anchors.set(this.anchorName(at), { value: map, size });
        return map;
      }
      default:
        this.i++;
        this.size = 1;
        return null;
    }
  }

  /** Duplicate key: found rarely, so the first occurrence is searched only then. */
  private reportDuplicate(mappingIndex: number, key: string, offset: number): void {
    const events = this.events;
    let first: number | undefined;
    // Keys of the mapping sit at its first child and after each value (`next` skips whole nodes).
    for (let j = mappingIndex + 1; j < events.length && events.type(j) !== EV_POP; j = events.next(events.next(j))) {
      if (events.type(j) !== EV_SCALAR) continue;
      const text = this.scalarText(j);
      const k = events.style(j) === STYLE_PLAIN && events.tagStart(j) < 0 ? plainKey(text) : text;
      if (k === key) {
        first = this.scalarOffsetAt(j);
        break;
      }
    }
    const at = first === undefined ? undefined : this.lines.position(first);
    const where = at === undefined ? '' : ` (first defined at line ${at.line}, column ${at.column})`;
    this.report('YAML002', offset, `duplicate key "${key}"${where}`);
  }

  private scalar(i: number): YamlValue {
    const events = this.events;
    const text = this.scalarText(i);
    const tagStart = events.tagStart(i);
    if (tagStart < 0) return events.style(i) === STYLE_PLAIN ? resolvePlain(text) : text;
    const rawTag = this.source.slice(tagStart, events.tagEnd(i));
    const tag = normaliseTag(rawTag);
    switch (tag) {
      case `${STD}str`:
      case '!':
      case '!unsafe':
      case '!vault':
      case `${STD}binary`:
      case `${STD}timestamp`:
        return text;
      case `${STD}null`:
        return null;
      case `${STD}bool`: {
        const v = resolvePlain(text);
        if (typeof v === 'boolean') return v;
        break;
      }
      case `${STD}int`: {
        const v = constructInt(text);
        if (v !== undefined && /^[-+]?[0-9]/.test(text)) return v;
        break;
      }
      case `${STD}float`: {
        const v = constructFloat(text) ?? constructInt(text);
        if (v !== undefined) return v;
        break;
      }
      default:
        this.report('YAML001', tagStart, `unknown tag ${rawTag}`);
        return text;
    }
    this.report('YAML001', tagStart, `"${text}" is not a valid ${tag.slice(STD.length)}`);
    return text;
  }
}

export function setKey(map: { [key: string]: YamlValue }, key: string, value: YamlValue): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
