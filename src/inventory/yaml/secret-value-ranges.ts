/**
 * Where the secret values of a YAML text are: the source range of every scalar in value position
 * under a secret key (`password: …`, every entry of `some_secret: {…}` at any depth), in document
 * order. Block and folded scalars cover their content lines. Keys are never secret; aliases are
 * skipped (the anchored text is where the value stands, and renderings scrub known secret values
 * anywhere). Read from the same event stream the loader uses, so quoting, flow style and block
 * scalars are exactly as YAML reads them.
 */
import { getScalarValue, parseEvents } from 'js-yaml';
import { isSecretKey } from '../secrets.js';
import { EV_DOCUMENT, EV_MAPPING, EV_POP, EV_SCALAR, EV_SEQUENCE } from './event-codes.js';
import { fastScan } from './fast-scan.js';
import { PackedEvents } from './packed-events.js';
import { MAX_DEPTH } from './parse-yaml-file.js';

/** [start, end) offsets of secret values; undefined when the text is not one readable event stream. */
export function secretValueRanges(text: string): [number, number][] | undefined {
  const events = eventsOf(text);
  if (events === undefined) return undefined;
  const out: [number, number][] = [];
  const keyText = (i: number): string | undefined => {
    if (events.type(i) !== EV_SCALAR) return undefined;
    return events.fast(i) ? text.slice(events.valueStart(i), events.valueEnd(i)) : getScalarValue(text, events.scalar(i));
  };
  // Returns the index after the node at `i`.
  const node = (i: number, secret: boolean): number => {
    const type = events.type(i);
    if (type === EV_SCALAR) {
      if (secret) out.push([events.valueStart(i), events.valueEnd(i)]);
      return i + 1;
    }
    if (type === EV_SEQUENCE) {
      let j = i + 1;
      while (j < events.length && events.type(j) !== EV_POP) j = node(j, secret);
      return j + 1;
    }
    if (type === EV_MAPPING) {
      let j = i + 1;
      while (j < events.length && events.type(j) !== EV_POP) {
        const key = keyText(j);
        const valueIsSecret = secret || (key !== undefined && isSecretKey(key));
        j = events.next(j);
        if (j >= events.length || events.type(j) === EV_POP) break;
        j = node(j, valueIsSecret);
      }
      return j + 1;
    }
    return events.next(i);
  };
  for (let i = 0; i < events.length; ) {
    if (events.type(i) !== EV_DOCUMENT) {
      i++;
      continue;
    }
    i = i + 1 < events.length && events.type(i + 1) !== EV_POP ? node(i + 1, false) : i + 1;
  }
  return out;
}

function eventsOf(text: string): PackedEvents | undefined {
  const scanned = fastScan(text, MAX_DEPTH);
  if (scanned !== undefined) return scanned;
  try {
    return PackedEvents.fromEvents(parseEvents(text, { maxDepth: MAX_DEPTH }));
  } catch {
    return undefined;
  }
}
