/**
 * Checks the top level of an inventory file and of a vars file (`YAML005`), so later stages
 * can rely on `all` being a mapping. Inner shapes are the validator's business.
 */
import type { Diagnostic } from '../validate/diagnostic.js';
import type { InventoryDocument, SourcePosition, Vars, YamlValue } from './model.js';

export function isMapping(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeError(message: string, path: string, at: SourcePosition): Diagnostic {
  return { code: 'YAML005', severity: 'error', message, path, file: at.file, line: at.line, column: at.column };
}

/** The inventory document, or undefined (with a diagnostic) when its top level is unusable. */
export function asInventoryDocument(
  value: YamlValue,
  locate: (path: readonly string[]) => SourcePosition,
  diagnostics: Diagnostic[],
): InventoryDocument | undefined {
  if (!isMapping(value)) {
    diagnostics.push(shapeError('an inventory must be a mapping with a top-level `all:` key', '', locate([])));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'all') {
      diagnostics.push(shapeError(`unexpected top-level key "${key}": put groups under \`all.children\``, key, locate([key])));
    }
  }
  const all = value['all'];
  if (all === undefined) {
    diagnostics.push(shapeError('an inventory must have a top-level `all:` key', '', locate([])));
    return undefined;
  }
  if (all === null) return { all: {} };
  if (!isMapping(all)) {
    diagnostics.push(shapeError('`all` must be a mapping (with `vars`, `children`, `hosts`)', 'all', locate(['all'])));
    return undefined;
  }
  return { all } as InventoryDocument;
}

/** A vars file (group_vars/…, host_vars/…): a mapping; empty means no vars. */
export function asVars(value: YamlValue, at: SourcePosition, diagnostics: Diagnostic[]): Vars | undefined {
  if (value === null) return {};
  if (isMapping(value)) return value;
  diagnostics.push(shapeError('a vars file must contain a mapping of variable names to values', '', at));
  return undefined;
}
