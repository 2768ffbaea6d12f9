/**
 * Reads one YAML file the way Ansible does (PyYAML SafeLoader, YAML 1.1), with bounds:
 * a fast event parse (js-yaml), values built from the events, positions kept for later.
 * Problems become diagnostics (`YAML001` syntax, `YAML002` duplicate key, `YAML003` alias
 * bomb, `YAML004` too large); it never throws for bad content.
 */
import { YAMLException, parseEvents, type Event } from 'js-yaml';
import type { Diagnostic } from '../../validate/diagnostic.js';
import type { YamlValue } from '../model.js';
import { EventConstructor } from './construct.js';
import { constructPlain } from './construct-plain.js';
import { fastScan } from './fast-scan.js';
import { LineIndex } from './line-index.js';
import type { ResolvedLimits } from './limits.js';
import { PackedEvents } from './packed-events.js';
import { FilePositions } from './positions.js';
import { relaxFlowIndentation } from './flow-indentation.js';
import { sharedEntries, type ShareableReading } from './shared-entries.js';

export interface ParsedYamlFile {
  file: string;
  /** `undefined` when the file could not be read as YAML (see diagnostics). */
  value: YamlValue | undefined;
  diagnostics: Diagnostic[];
  positions: FilePositions;
  /** Present when a later reading of a similar file may take this one's values (see shared-entries.ts). */
  shareable?: ShareableReading;
  /** Secret values met while building the value (plus those of a reading it reused); empty on failure. */
  secrets: Set<string>;
}

/** Nesting deeper than this is refused (inventories are a handful of levels deep). */
export const MAX_DEPTH = 200;

export function tooLargeDiagnostic(file: string, bytes: number, max: number): Diagnostic {
  return {
    code: 'YAML004',
    severity: 'error',
    message: `file is ${bytes} bytes, larger than the limit of ${max} bytes`,
    path: '',
    file,
    line: 1,
    column: 1,
  };
}

/** How many flow collections may be re-indented in one file before giving up. */
const MAX_FLOW_RELAXATIONS = 64;

/**
 * `reuse`: an earlier reading of a similar file (the other side of a plan) whose unchanged
 * entries this reading takes instead of building its own; both values are read-only afterwards.
 */
export function parseYamlFile(original: string, file: string, limits: ResolvedLimits, reuse?: ShareableReading): ParsedYamlFile {
  let text = original;
  const shifts = new Map<number, number>();
  let lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const bytes = original.length > limits.maxFileBytes / 4 ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes > limits.maxFileBytes) {
    diagnostics.push(tooLargeDiagnostic(file, bytes, limits.maxFileBytes));
    return { file, value: undefined, diagnostics, positions: new FilePositions(file, text, undefined, lines), secrets: new Set() };
  }
  // The common case (no anchors, tags, aliases; see fast-scan.ts) is packed directly; anything
  // else, including every syntax error, goes through js-yaml, which reports it with a position.
  const scanned = fastScan(text, MAX_DEPTH);
  if (scanned !== undefined) {
    const shared = reuse === undefined ? undefined : sharedEntries(reuse, scanned, text);
    const parsed = construct(scanned, text, file, lines, limits, diagnostics, shared, true);
    if (shared !== undefined && shared.size > 0 && reuse !== undefined) for (const secret of reuse.secrets) parsed.secrets.add(secret);
    if (parsed.value !== undefined && diagnostics.length === 0) parsed.shareable = { text, events: scanned, value: parsed.value, secrets: parsed.secrets };
    return parsed;
  }
  let events: Event[] | undefined;
  for (let attempt = 0; events === undefined; attempt++) {
    try {
      events = parseEvents(text, { filename: file, maxDepth: MAX_DEPTH });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      const mark = error.mark;
      if (error.reason === 'deficient indentation' && mark !== undefined && attempt < MAX_FLOW_RELAXATIONS) {
        const relaxed = relaxFlowIndentation(text, mark.position, shifts);
        if (relaxed !== undefined) {
          text = relaxed.text;
          lines = new LineIndex(text, shifts);
          continue;
        }
      }
      const original = new LineIndex(text, shifts).position(mark?.position ?? 0);
      const d: Diagnostic = { code: 'YAML001', severity: 'error', message: `YAML syntax error: ${error.reason}`, path: '', file };
      if (mark !== undefined) {
        d.line = original.line;
        d.column = original.column;
      }
      diagnostics.push(d);
      return { file, value: undefined, diagnostics, positions: new FilePositions(file, text, undefined, lines), secrets: new Set() };
    }
  }
  return construct(PackedEvents.fromEvents(events), text, file, lines, limits, diagnostics);
}

/** `plain`: the stream came from the fast scanner, so the plain constructor is tried first (see construct-plain.ts). */
function construct(packed: PackedEvents, text: string, file: string, lines: LineIndex, limits: ResolvedLimits, diagnostics: Diagnostic[], shared?: ReadonlyMap<number, YamlValue>, plain = false): ParsedYamlFile {
  const sharing = shared !== undefined && shared.size > 0 ? shared : undefined;
  let secrets = new Set<string>();
  let result = plain ? constructPlain(packed, text, { shared: sharing, secrets }) : undefined;
  if (result === undefined) {
    secrets = new Set<string>();
    result = new EventConstructor(packed, text, file, lines, limits.maxAliasNodes, diagnostics, sharing, secrets).run();
  }
  if (result.documents > 1) {
    diagnostics.push({
      code: 'YAML001',
      severity: 'error',
      message: `expected a single YAML document, found ${result.documents}`,
      path: '',
      file,
      line: 1,
      column: 1,
    });
  }
  const aborted = diagnostics.some((d) => d.code === 'YAML003');
  // An empty file (no document) reads as null, as PyYAML does.
  const value = aborted ? undefined : result.documents === 0 ? null : result.value;
  const ok = value !== undefined;
  return { file, value, diagnostics, positions: new FilePositions(file, text, ok ? packed : undefined, lines), secrets: ok ? secrets : new Set() };
}
