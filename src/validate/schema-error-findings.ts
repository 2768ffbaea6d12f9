import type { ErrorObject } from 'ajv';
import { formatJsonPath, type JsonPath } from '../inventory/json-path.js';
import type { Finding } from './finding.js';
import { parameterIndex, pointerToPath } from './schema-paths.js';
import { isSchemaSecretKey, looksLikeCredentialUrl } from './schema-secret-keys.js';
import { describeTypes, describeValue, showScalar } from './schema-value-text.js';

/** Stable codes for schema findings (documented in docs/parameters.md). */
export const SCHEMA_CODES = {
  type: 'SCH001',
  enum: 'SCH002',
  format: 'SCH003',
  required: 'SCH004',
  range: 'SCH005',
  pattern: 'SCH006',
  other: 'SCH009',
  unknownParameter: 'SCH010',
  unknownField: 'SCH011',
  unknownKey: 'SCH012',
} as const;

const FORMAT_TEXT: Readonly<Record<string, string>> = {
  ipv4: 'an IPv4 address like 10.10.10.11',
  'ipv4-cidr': 'an IPv4 CIDR like 10.10.10.2/24',
};

/** True for an Ansible template value (`"{{ … }}"`, `{% … %}`): typed checks do not apply to it. */
export function isTemplateString(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('{{') || value.includes('{%'));
}

export interface ErrorContext {
  document: unknown;
  /** Whether a parameter (by name) holds a secret according to the schema. */
  isSecretParameter(name: string): boolean;
}

/** What a message calls the value: `pg_port`, `pg_users[0].name`, or the whole path outside parameters. */
function subjectOf(path: JsonPath): string {
  const at = parameterIndex(path);
  return formatJsonPath(at >= 0 ? path.slice(at) : path) || '(document)';
}

function isSecretPath(path: JsonPath, value: unknown, ctx: ErrorContext): boolean {
  const at = parameterIndex(path);
  const param = at >= 0 ? path[at] : undefined;
  if (typeof param === 'string' && ctx.isSecretParameter(param)) return true;
  if (path.some((p) => typeof p === 'string' && isSchemaSecretKey(p))) return true;
  return typeof value === 'string' && looksLikeCredentialUrl(value);
}

function rangeText(error: ErrorObject): string {
  const parent = (error.parentSchema ?? {}) as { minimum?: number; maximum?: number };
  if (parent.minimum === 1 && parent.maximum === 65535) return 'a port number between 1 and 65535';
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case 'minimum':
      return parent.maximum !== undefined ? `between ${parent.minimum} and ${parent.maximum}` : `>= ${limit}`;
    case 'maximum':
      return parent.minimum !== undefined ? `between ${parent.minimum} and ${parent.maximum}` : `<= ${limit}`;
    case 'exclusiveMinimum':
      return `> ${limit}`;
    case 'exclusiveMaximum':
      return `< ${limit}`;
    case 'minLength':
      return limit === 1 ? 'a non-empty string' : `at least ${limit} characters long`;
    case 'maxLength':
      return `at most ${limit} characters long`;
    case 'minItems':
      return `a list of at least ${limit} items`;
    case 'maxItems':
      return `a list of at most ${limit} items`;
    default:
      return `within range (${error.message ?? error.keyword})`;
  }
}

function toFinding(error: ErrorObject, ctx: ErrorContext): Finding | undefined {
  const path = pointerToPath(ctx.document, error.instancePath);
  const value: unknown = error.data;
  const secret = isSecretPath(path, value, ctx);
  const subject = subjectOf(path);
  const got = (): string => describeValue(value, secret);
  switch (error.keyword) {
    case 'type':
      return { code: SCHEMA_CODES.type, severity: 'error', path, message: `${subject} must be ${describeTypes((error.params as { type: unknown }).type)} (got ${got()})` };
    case 'enum': {
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      return { code: SCHEMA_CODES.enum, severity: 'error', path, message: `${subject} must be one of ${allowed.map(String).join(', ')} (got ${showScalar(value, secret)})` };
    }
    case 'format': {
      const format = String((error.params as { format?: unknown }).format);
      return { code: SCHEMA_CODES.format, severity: 'error', path, message: `${subject} must be ${FORMAT_TEXT[format] ?? `in ${format} format`} (got ${got()})` };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
      return { code: SCHEMA_CODES.required, severity: 'error', path, message: `${subject} is missing required field '${missing}'` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { code: SCHEMA_CODES.range, severity: 'error', path, message: `${subject} must be ${rangeText(error)} (got ${got()})` };
    case 'propertyNames': {
      const name = String((error.params as { propertyName?: unknown }).propertyName);
      return { code: SCHEMA_CODES.pattern, severity: 'error', path: [...path, name], message: `${subject} has an invalid key '${name}' (expected a port number)` };
    }
    case 'pattern':
      return { code: SCHEMA_CODES.pattern, severity: 'error', path, message: `${subject} has an invalid form (got ${got()})` };
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      return { code: SCHEMA_CODES.unknownField, severity: 'warning', path: [...path, field], message: `unknown field '${field}' in ${subject}` };
    }
    case 'if':
      return undefined; // the failing branch reports its own errors
    default:
      return { code: SCHEMA_CODES.other, severity: 'error', path, message: `${subject} ${error.message ?? `fails ${error.keyword}`}` };
  }
}

/**
 * ajv errors → findings. Errors on Ansible template strings are dropped (a `{{ … }}` value is
 * resolved by Ansible at run time); errors from inside `propertyNames` are folded into one.
 */
export function errorsToFindings(errors: readonly ErrorObject[], ctx: ErrorContext): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    if (isTemplateString(error.data)) continue;
    if ((error as { propertyName?: string }).propertyName !== undefined) continue;
    const finding = toFinding(error, ctx);
    if (finding) findings.push(finding);
  }
  return findings;
}
