/**
 * js-yaml as the oracle for fastScan: the packed events js-yaml gives (undefined when it throws)
 * and a check that fastScan either declines or gives exactly those slots.
 */
import { YAMLException, parseEvents } from 'js-yaml';
import { fastScan } from '../../src/inventory/yaml/fast-scan.js';
import { PackedEvents } from '../../src/inventory/yaml/packed-events.js';

export const MAX_DEPTH = 200;

export function jsYamlSlots(text: string, maxDepth = MAX_DEPTH): number[] | undefined {
  try {
    return Array.from(PackedEvents.fromEvents(parseEvents(text, { maxDepth })).slots());
  } catch (error) {
    if (error instanceof YAMLException) return undefined;
    throw error;
  }
}

export type Verdict = 'accepted' | 'declined';

/** Throws (with the first differing slot) when fastScan breaks its contract on `text`. */
export function checkAgainstJsYaml(text: string, maxDepth = MAX_DEPTH): Verdict {
  const got = fastScan(text, maxDepth);
  if (got === undefined) return 'declined';
  const want = jsYamlSlots(text, maxDepth);
  if (want === undefined) throw new Error(`fastScan accepted what js-yaml rejects: ${JSON.stringify(text.slice(0, 200))}`);
  const slots = Array.from(got.slots());
  if (slots.length !== want.length || slots.some((v, i) => v !== want[i])) {
    const at = slots.findIndex((v, i) => v !== want[i]);
    const event = Math.floor((at < 0 ? Math.min(slots.length, want.length) : at) / 8);
    throw new Error(
      `fastScan differs from js-yaml at event ${event} (${slots.length / 8} vs ${want.length / 8} events): ` +
        `${JSON.stringify(slots.slice(event * 8, event * 8 + 8))} vs ${JSON.stringify(want.slice(event * 8, event * 8 + 8))} ` +
        `in ${JSON.stringify(text.slice(0, 300))}`,
    );
  }
  return 'accepted';
}
