/** Messages between the main thread and the validation worker (structured-clone safe). */
import type { ContentSnapshot } from '../inventory/content-snapshot.js';
import type { LoadOptions } from '../inventory/load.js';
import type { Diagnostic } from '../validate/diagnostic.js';

export interface ValidationRequest {
  snapshot: ContentSnapshot;
  path: string;
  load?: LoadOptions;
}

export type ValidationReply =
  | { ok: true; valid: boolean; diagnostics: Diagnostic[] }
  | { ok: false; error: string };
