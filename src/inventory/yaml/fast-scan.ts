/**
 * Packs the parse events of a YAML file without js-yaml's event objects (~5× faster on large
 * inventories). Answers only for inputs it reproduces exactly; `undefined` means "ask js-yaml"
 * (which then also reports any syntax error with its position).
 */
import { hasNonPrintable } from './fast-scan-chars.js';
import { FastScanBail, FastScanParser } from './fast-scan-parser.js';
import { PackedEvents } from './packed-events.js';

/** Packed events for `text`, identical slot for slot to PackedEvents.fromEvents(parseEvents(text, { maxDepth })),
 *  or undefined when `text` is outside the subset this scanner handles (the caller then uses js-yaml). */
export function fastScan(text: string, maxDepth: number): PackedEvents | undefined {
  // js-yaml refuses null bytes; byte order marks take paths this scanner leaves out; the readers
  // skip js-yaml's printable check, so text with a non-printable character anywhere is declined.
  if (text.indexOf('\0') !== -1 || text.indexOf('\uFEFF') !== -1 || hasNonPrintable(text)) return undefined;
  try {
    const events = new FastScanParser(text, maxDepth).run();
    return PackedEvents.fromData(events.data, events.length);
  } catch (error) {
    if (error instanceof FastScanBail) return undefined;
    throw error;
  }
}

/** Why fastScan declines `text` (undefined when it accepts it), for benchmarks and tests. */
export function fastScanBailReason(text: string, maxDepth: number): string | undefined {
  if (text.indexOf('\0') !== -1) return 'null byte';
  if (text.indexOf('\uFEFF') !== -1) return 'byte order mark';
  if (hasNonPrintable(text)) return 'the stream contains non-printable characters';
  try {
    new FastScanParser(text, maxDepth).run();
    return undefined;
  } catch (error) {
    if (error instanceof FastScanBail) return error.reason;
    throw error;
  }
}
