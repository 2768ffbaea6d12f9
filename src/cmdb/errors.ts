import { GitopsError } from '../util/errors.js';

/** The CMDB could not be opened, migrated or queried (exit code 2). Messages never contain the URL's password. */
export class CmdbError extends GitopsError {
  constructor(code: 'CMDB_OPEN' | 'CMDB_BUSY' | 'CMDB_MIGRATE' | 'CMDB_QUERY' | 'CMDB_NOT_FOUND' | 'CMDB_STATE', message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}
