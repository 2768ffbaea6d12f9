/**
 * js-yaml as the oracle for fastScan: the packed events js-yaml gives (undefined when it throws)
 * and a check that fastScan either declines or gives exactly those slots. When it answers, the
 * plain constructor is held to EventConstructor on the same events as well.
 */
import { isDeepStrictEqual } from 'node:util';
import { YAMLException, parseEvents } from 'js-yaml';
import { EventConstructor } from '../../src/inventory/yaml/construct.js';
import { constructPlain } from '../../src/inventory/yaml/construct-plain.js';
import { fastScan } from '../../src/inventory/yaml/fast-scan.js';
import { LineIndex } from '../../src/inventory/yaml/line-index.js';
import { PackedEvents } from '../../src/inventory/yaml/packed-events.js';
import type { Diagnostic } from '../../src/validate/diagnostic.js';

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
  checkPlainConstructor(got, text);
  return 'accepted';
}

/**
 * constructPlain either declines or gives EventConstructor's value and secrets; it declines
 * whenever EventConstructor reports something (a duplicate key, a merge key, a collection key).
 */
export function checkPlainConstructor(events: PackedEvents, text: string): 'built' | 'declined' {
  const plainSecrets = new Set<string>();
  const plain = constructPlain(events, text, { secrets: plainSecrets });
  const diagnostics: Diagnostic[] = [];
  const secrets = new Set<string>();
  const general = new EventConstructor(events, text, 'oracle.yml', new LineIndex(text), 1_000_000, diagnostics, undefined, secrets).run();
  if (plain === undefined) return 'declined';
  const same =
    plain.documents === general.documents &&
    diagnostics.length === 0 &&
    isDeepStrictEqual(plain.value, general.value) &&
    [...plainSecrets].sort().join('\u0000') === [...secrets].sort().join('\u0000');
  if (!same) throw new Error(`constructPlain differs from EventConstructor on ${JSON.stringify(text.slice(0, 300))}`);
  return 'built';
}
