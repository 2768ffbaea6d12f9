import type { JsonPath } from '../inventory/json-path.js';
import type { Severity } from './diagnostic.js';

/**
 * What a schema check or a semantic rule reports, before positions are attached.
 * `validate()` turns findings into `Diagnostic`s by locating `path` in the source files.
 */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  path: JsonPath;
}
