/**
 * Builds plain values from js-yaml's event stream the way PyYAML's SafeLoader would, and adds
 * what PyYAML does not do: duplicate keys are errors, and alias expansion is bounded.
 *
 * Aliases reuse the anchored value (no copy), so memory stays small; every reference is
 * charged the node count of the aliased subtree, and the load stops as soon as the total
 * passes the limit (billion laughs fails within a few references).
 */
import { getScalarValue, type Event, type ScalarEvent } from 'js-yaml';
import type { Diagnostic } from '../../validate/diagnostic.js';
import type { YamlValue } from '../model.js';
import type { LineIndex } from './line-index.js';
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
export function scalarOffset(source: string, ev: ScalarEvent): number {
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
    private readonly events: Event[],
    private readonly source: string,
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly maxAliasNodes: number,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report(code: string, offset: number, message: string): void {
    const { line, column } = this.lines.position(Math.max(0, offset));
    this.diagnostics.push({ code, severity: 'error', message, path: '', file: this.file, line, column });
  }

  run(): ConstructResult {
    let documents = 0;
    let value: YamlValue | undefined;
    try {
      while (this.i < this.events.length) {
        const ev = this.events[this.i];
        if (ev === undefined) break;
        if (ev.type === EV_DOCUMENT) {
          this.i++;
          documents++;
          const next = this.events[this.i];
          const docValue = next === undefined || next.type === EV_POP ? null : this.node();
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

  /** Constructs the node at `this.i`, leaves `this.i` after it and its node count in `this.size`. */
  private node(): YamlValue {
    const ev = this.events[this.i];
    if (ev === undefined) {
      this.size = 1;
      return null;
    }
    switch (ev.type) {
      case EV_SCALAR: {
        this.i++;
        this.size = 1;
        const value = this.scalar(ev);
        if (ev.anchorStart >= 0) this.anchors.set(this.source.slice(ev.anchorStart, ev.anchorEnd), { value, size: 1 });
        return value;
      }
      case EV_ALIAS: {
        this.i++;
        const name = this.source.slice(ev.anchorStart, ev.anchorEnd);
        const anchored = this.anchors.get(name);
        if (anchored === undefined) {
          // js-yaml's parser already rejects unknown aliases; keep a clear message just in case.
          this.report('YAML001', ev.anchorStart - 1, `unknown alias *${name}`);
          this.size = 1;
          return null;
        }
        this.aliasNodes += anchored.size;
        if (this.aliasNodes > this.maxAliasNodes) throw new AliasLimitExceeded(ev.anchorStart - 1);
        this.size = anchored.size;
        return anchored.value;
      }
      case EV_SEQUENCE: {
        this.i++;
        const items: YamlValue[] = [];
        let size = 1;
        while (this.i < this.events.length && this.events[this.i]?.type !== EV_POP) {
          items.push(this.node());
          size += this.size;
        }
        this.i++;
        this.size = size;
        if (ev.anchorStart >= 0) this.anchors.set(this.source.slice(ev.anchorStart, ev.anchorEnd), { value: items, size });
        return items;
      }
      case EV_MAPPING: {
        const startIndex = this.i;
        this.i++;
        const map: { [key: string]: YamlValue } = {};
        let merges: { [key: string]: YamlValue }[] | undefined;
        let size = 1;
        while (this.i < this.events.length && this.events[this.i]?.type !== EV_POP) {
          const keyEv = this.events[this.i];
          if (keyEv === undefined) break;
          const keyOffset = keyEv.type === EV_SCALAR ? scalarOffset(this.source, keyEv) : keyEv.type === EV_ALIAS ? keyEv.anchorStart - 1 : keyEv.type === EV_MAPPING || keyEv.type === EV_SEQUENCE ? keyEv.start : -1;
          let key: string | undefined;
          let isMerge = false;
          if (keyEv.type === EV_SCALAR) {
            this.i++;
            const text = getScalarValue(this.source, keyEv);
            if (keyEv.tagStart < 0 && keyEv.style === STYLE_PLAIN) {
              if (text === '<<') isMerge = true;
              else key = plainKey(text);
            } else {
              const v = this.scalar(keyEv);
              key = typeof v === 'string' ? v : String(v);
            }
          } else if (keyEv.type === EV_ALIAS) {
            const v = this.node();
            if (typeof v === 'object' && v !== null) this.report('YAML001', keyEv.anchorStart - 1, 'a mapping key must be a scalar');
            else key = String(v);
          } else {
            this.node();
            this.report('YAML001', keyOffset, 'a mapping key must be a scalar, not a collection');
          }
          const value = this.node();
          size += this.size + 1;
          if (isMerge) {
            const sources = Array.isArray(value) ? value : [value];
            for (const s of sources) {
              if (typeof s === 'object' && s !== null && !Array.isArray(s)) (merges ??= []).push(s);
              else this.report('YAML001', keyOffset, 'a merge key (<<) needs a mapping or a list of mappings');
            }
            continue;
          }
          if (key === undefined) continue;
          if (Object.prototype.hasOwnProperty.call(map, key)) this.reportDuplicate(startIndex, key, keyOffset);
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
        if (ev.anchorStart >= 0) this.anchors.set(this.source.slice(ev.anchorStart, ev.anchorEnd), { value: map, size });
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
    let first: number | undefined;
    let depth = 0;
    let expectKey = true;
    for (let j = mappingIndex + 1; j < this.events.length && first === undefined; j++) {
      const ev = this.events[j];
      if (ev === undefined) break;
      if (ev.type === EV_POP) {
        if (depth === 0) break;
        depth--;
        if (depth === 0) expectKey = !expectKey;
        continue;
      }
      if (depth === 0 && expectKey && ev.type === EV_SCALAR) {
        const text = getScalarValue(this.source, ev);
        const k = ev.style === STYLE_PLAIN && ev.tagStart < 0 ? plainKey(text) : text;
        if (k === key) first = scalarOffset(this.source, ev);
      }
      if (ev.type === EV_MAPPING || ev.type === EV_SEQUENCE) depth++;
      else if (depth === 0) expectKey = !expectKey;
    }
    const at = first === undefined ? undefined : this.lines.position(first);
    const where = at === undefined ? '' : ` (first defined at line ${at.line}, column ${at.column})`;
    this.report('YAML002', offset, `duplicate key "${key}"${where}`);
  }

  private scalar(ev: ScalarEvent): YamlValue {
    const text = getScalarValue(this.source, ev);
    if (ev.tagStart < 0) return ev.style === STYLE_PLAIN ? resolvePlain(text) : text;
    const tag = normaliseTag(this.source.slice(ev.tagStart, ev.tagEnd));
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
        this.report('YAML001', ev.tagStart, `unknown tag ${this.source.slice(ev.tagStart, ev.tagEnd)}`);
        return text;
    }
    this.report('YAML001', ev.tagStart, `"${text}" is not a valid ${tag.slice(STD.length)}`);
    return text;
  }
}

export function setKey(map: { [key: string]: YamlValue }, key: string, value: YamlValue): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
