import type { ErrorObject } from 'ajv';
import { validate as generatedInventoryValidator } from '../generated/inventory-validator.js';
import type { Finding } from './finding.js';
import { knownParameters, type ParameterInfo } from './parameters.js';
import { errorsToFindings } from './schema-error-findings.js';
import { findUnknownKeys } from './schema-unknown-keys.js';

/** An ajv validate function (compiled at run time or generated standalone by `npm run gen`). */
export interface InventoryValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface SchemaCheckerOptions {
  /** Defaults to the standalone validator generated from schemas/inventory.schema.json. */
  validate?: InventoryValidateFunction;
  /** Defaults to `knownParameters()`. */
  parameters?: ReadonlyMap<string, ParameterInfo>;
}

/**
 * Checks a merged inventory document against schemas/inventory.schema.json.
 * Returns findings (never throws for bad content): type, enum, format, required and range errors
 * with stable `SCH0xx` codes and precise paths, plus warnings for unknown names.
 * The validator is generated ahead of time (ajv standalone), so creating a checker costs nothing;
 * the parameter table is built on first use and kept by the instance.
 */
export class SchemaChecker {
  private readonly validate: InventoryValidateFunction;
  private parameters: ReadonlyMap<string, ParameterInfo> | undefined;

  constructor(options: SchemaCheckerOptions = {}) {
    this.validate = options.validate ?? (generatedInventoryValidator as unknown as InventoryValidateFunction);
    this.parameters = options.parameters;
  }

  check(document: unknown): Finding[] {
    const params = this.knownParameters();
    const findings: Finding[] = [];
    if (!this.validate(document)) {
      const errors = this.validate.errors ?? [];
      findings.push(...errorsToFindings(errors, { document, isSecretParameter: (name) => params.get(name)?.secret === true }));
    }
    findings.push(...findUnknownKeys(document, params));
    return findings;
  }

  private knownParameters(): ReadonlyMap<string, ParameterInfo> {
    this.parameters ??= knownParameters();
    return this.parameters;
  }
}

export function createSchemaChecker(options: SchemaCheckerOptions = {}): SchemaChecker {
  return new SchemaChecker(options);
}

/** One-shot convenience: `createSchemaChecker().check(document)`. */
export function checkSchema(document: unknown): Finding[] {
  return createSchemaChecker().check(document);
}
