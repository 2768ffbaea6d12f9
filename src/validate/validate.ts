/**
 * The validation pipeline: load → build the model → JSON Schema check → semantic rules →
 * diagnostics with file:line:column. Pure apart from reading through the given
 * `ContentProvider`; never throws for bad content (a missing path is an `InputError`).
 */
import { buildInventory } from '../inventory/build.js';
import { formatJsonPath } from '../inventory/json-path.js';
import type { ContentProvider } from '../inventory/content-provider.js';
import { loadInventory, type LoadOptions } from '../inventory/load.js';
import type { Inventory, LoadedInventory } from '../inventory/model.js';
import type { Diagnostic } from './diagnostic.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule.js';
import { allRules } from './rules/index.js';
import { createSchemaChecker } from './schema-check.js';
import { findingsToDiagnostics, sortDiagnostics } from './to-diagnostics.js';

export interface ValidationResult {
  /** What was validated (file or environment directory, display form). */
  origin: string;
  /** True when no diagnostic has severity `error`. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The typed model, when the inventory could be loaded. */
  inventory: Inventory | undefined;
  loaded: LoadedInventory | undefined;
}

/** Anything that checks a merged document against the inventory schema (the ajv `SchemaChecker`). */
export interface DocumentChecker {
  check(document: unknown): Finding[];
}

export interface ValidatorOptions {
  /** Defaults to `createSchemaChecker()`; `null` skips the schema check (rules only). */
  schemaChecker?: DocumentChecker | null;
  /** Defaults to `allRules()`. */
  rules?: readonly Rule[];
  /** File size and alias limits passed to the loader. */
  load?: LoadOptions;
}

/** Holds the compiled schema checker and the rules: create one per process, validate many inventories. */
export class Validator {
  private readonly schemaChecker: DocumentChecker | undefined;
  private readonly rules: readonly Rule[];
  private readonly loadOptions: LoadOptions | undefined;

  constructor(options: ValidatorOptions = {}) {
    this.schemaChecker = options.schemaChecker === null ? undefined : (options.schemaChecker ?? createSchemaChecker());
    this.rules = options.rules ?? allRules();
    this.loadOptions = options.load;
  }

  /** Loads `path` (a file or an environment directory) from `provider` and validates it. */
  async validateSource(provider: ContentProvider, path: string): Promise<ValidationResult> {
    const { loaded, diagnostics } = await loadInventory(provider, path, this.loadOptions);
    const origin = loaded?.origin ?? provider.displayPath?.(path) ?? path;
    if (loaded === undefined) return result(origin, sortDiagnostics(diagnostics), undefined, undefined);
    return this.validateLoaded(loaded, diagnostics);
  }

  /** Validates an inventory that is already loaded (e.g. by `loadInventoryText`). */
  validateInventory(loaded: LoadedInventory, loadDiagnostics: readonly Diagnostic[] = []): ValidationResult {
    return this.validateLoaded(loaded, loadDiagnostics);
  }

  private validateLoaded(loaded: LoadedInventory, loadDiagnostics: readonly Diagnostic[]): ValidationResult {
    const findings: Finding[] = [];
    const schemaFindings: Finding[] = [];
    let inventory: Inventory | undefined;
    try {
      inventory = buildInventory(loaded);
    } catch (cause) {
      findings.push(internalError('the inventory model', cause));
    }
    if (this.schemaChecker) {
      try {
        schemaFindings.push(...this.schemaChecker.check(loaded.document));
      } catch (cause) {
        findings.push(internalError('the schema check', cause));
      }
    }
    if (inventory) {
      for (const rule of this.rules) {
        try {
          findings.push(...rule.check(inventory));
        } catch (cause) {
          findings.push(internalError(`rule ${rule.codes[0] ?? ''} (${rule.title})`, cause));
        }
      }
    }
    findings.push(...withoutRepeats(schemaFindings, findings));
    const diagnostics = sortDiagnostics([...loadDiagnostics, ...findingsToDiagnostics(findings, loaded)], loaded.files.map((f) => f.path));
    return result(loaded.origin, diagnostics, inventory, loaded);
  }
}

export function createValidator(options: ValidatorOptions = {}): Validator {
  return new Validator(options);
}

/** One-shot: validates a loaded inventory with a fresh validator. Prefer a shared `Validator` for many inventories. */
export function validateInventory(loaded: LoadedInventory, options: ValidatorOptions = {}): ValidationResult {
  return createValidator(options).validateInventory(loaded);
}

/** One-shot: loads and validates `path` with a fresh validator. */
export function validateSource(provider: ContentProvider, path: string, options: ValidatorOptions = {}): Promise<ValidationResult> {
  return createValidator(options).validateSource(provider, path);
}

/**
 * Schema findings minus those a semantic rule already reports at the same path with the same
 * severity (e.g. an admin_ip with octet 999): one diagnostic per problem, the rule's being the
 * more specific.
 */
function withoutRepeats(schemaFindings: readonly Finding[], ruleFindings: readonly Finding[]): Finding[] {
  if (schemaFindings.length === 0) return [];
  const key = (f: Finding): string => `${f.severity}\u0000${formatJsonPath(f.path)}`;
  const covered = new Set(ruleFindings.map(key));
  return schemaFindings.filter((f) => !covered.has(key(f)));
}

function result(origin: string, diagnostics: Diagnostic[], inventory: Inventory | undefined, loaded: LoadedInventory | undefined): ValidationResult {
  return { origin, valid: diagnostics.every((d) => d.severity !== 'error'), diagnostics, inventory, loaded };
}

/** A bug in a check must not let an inventory pass silently: it becomes an error diagnostic (no stack, no values). */
function internalError(what: string, cause: unknown): Finding {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { code: 'VAL000', severity: 'error', message: `internal error in ${what}: ${reason}`, path: [] };
}
