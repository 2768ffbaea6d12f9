import type { ErrorObject } from 'ajv';
import * as generated from '../generated/inventory-validator.js';
import type { JsonPath } from '../inventory/json-path.js';
import type { Finding } from './finding.js';
import { knownParameters, type ParameterInfo } from './parameters.js';
import { errorsToFindings, isTemplateString, SCHEMA_CODES } from './schema-error-findings.js';
import { pathToPointer } from './schema-pointer.js';
import { closestName } from './schema-suggest.js';
import { walkParameterSets } from './schema-vars-walk.js';

/** An ajv validate function, as generated standalone by `npm run gen` (or compiled at run time). */
export interface InventoryValidateFunction {
  (data: unknown, context?: { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown }): boolean;
  errors?: ErrorObject[] | null;
}

export interface InventoryValidators {
  /** Checks the document's structure: `all`, groups, hosts, vars mappings. */
  structure: InventoryValidateFunction;
  /** One validator per known parameter, applied to the value of that parameter. */
  parameter(name: string): InventoryValidateFunction | undefined;
}

export interface SchemaCheckerOptions {
  /** Defaults to the standalone validators generated from schemas/inventory.schema.json. */
  validators?: InventoryValidators;
  /** Defaults to `knownParameters()`. */
  parameters?: ReadonlyMap<string, ParameterInfo>;
}

function generatedValidators(): InventoryValidators {
  const exports = generated as unknown as Readonly<Record<string, InventoryValidateFunction | undefined>>;
  const structure = exports['validate'];
  if (structure === undefined) throw new Error('src/generated/inventory-validator.ts has no validate export; run npm run gen');
  // Looked up once per name: an inventory repeats a few hundred names tens of thousands of times.
  const byName = new Map<string, InventoryValidateFunction | undefined>();
  const parameter = (name: string): InventoryValidateFunction | undefined => {
    let found = byName.get(name);
    if (found === undefined && !byName.has(name)) {
      found = Object.prototype.hasOwnProperty.call(exports, `param_${name}`) ? exports[`param_${name}`] : undefined;
      if (byName.size < 10_000) byName.set(name, found);
    }
    return found;
  };
  return { structure, parameter };
}

/**
 * Checks a merged inventory document against schemas/inventory.schema.json.
 * Returns findings (never throws for bad content): type, enum, format, required and range errors
 * with stable `SCH0xx` codes and precise paths, plus warnings for unknown names.
 *
 * Validators are generated ahead of time (ajv standalone; compiling the schema at run time costs
 * ~250 ms). The structure is checked once; then each parameter set is checked key by key with that
 * parameter's validator, so the cost follows the size of the inventory, not the ~400 known names.
 */
export class SchemaChecker {
  private readonly validators: InventoryValidators;
  private parameters: ReadonlyMap<string, ParameterInfo> | undefined;
  private readonly suggestions = new Map<string, string | undefined>();

  constructor(options: SchemaCheckerOptions = {}) {
    this.validators = options.validators ?? generatedValidators();
    this.parameters = options.parameters;
  }

  check(document: unknown): Finding[] {
    const params = this.knownParameters();
    const errors: ErrorObject[] = [];
    const findings: Finding[] = [];
    const { structure } = this.validators;
    if (!structure(document)) errors.push(...(structure.errors ?? []));
    const warnings = walkParameterSets(document, (vars, path) => {
      for (const name of Object.keys(vars)) {
        const value = vars[name];
        const validate = this.validators.parameter(name);
        if (validate === undefined) {
          findings.push(this.unknownParameter(name, [...path, name], params));
          continue;
        }
        if (isTemplateString(value) || validate(value, { parentData: vars, parentDataProperty: name, rootData: document })) continue;
        const prefix = pathToPointer([...path, name]);
        for (const error of validate.errors ?? []) errors.push({ ...error, instancePath: prefix + error.instancePath });
      }
    });
    const isSecretParameter = (name: string): boolean => params.get(name)?.secret === true;
    return [...errorsToFindings(errors, { document, isSecretParameter }), ...warnings, ...findings];
  }

  private unknownParameter(name: string, path: JsonPath, params: ReadonlyMap<string, ParameterInfo>): Finding {
    if (!this.suggestions.has(name)) this.suggestions.set(name, closestName(name, params.keys()));
    const near = this.suggestions.get(name);
    const message = `unknown parameter '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`;
    return { code: SCHEMA_CODES.unknownParameter, severity: 'warning', path, message };
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
