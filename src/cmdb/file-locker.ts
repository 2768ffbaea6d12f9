import { join } from 'node:path';
import { acquireFileLock } from './file-lock.js';
import { GitopsError } from '../util/errors.js';
import type { EnvironmentLock, EnvironmentLocker, LockOptions } from './environment-lock.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Per-environment apply locks as lock files `<dir>/<env>.lock` (embedded backend; see `acquireFileLock`). */
export class FileLocker implements EnvironmentLocker {
  constructor(private readonly dir: string) {}

  async tryLock(environment: string, options: LockOptions): Promise<EnvironmentLock | undefined> {
    if (!SAFE_NAME.test(environment)) {
      throw new GitopsError('INVALID_ENVIRONMENT', `invalid environment name: ${JSON.stringify(environment)}`, { environment });
    }
    const handle = await acquireFileLock(join(this.dir, `${environment}.lock`), options);
    if (handle === undefined) return undefined;
    return {
      environment,
      release: async () => handle.release(),
    };
  }
}
