import type { JsonPath } from '../../inventory/json-path.js';
import type { Finding } from '../finding.js';

export function error(code: string, message: string, path: JsonPath): Finding {
  return { code, severity: 'error', message, path };
}

export function warning(code: string, message: string, path: JsonPath): Finding {
  return { code, severity: 'warning', message, path };
}
