import { GitopsError } from '../util/errors.js';

/** The environment's apply lock is held by another process. */
export class ApplyLockedError extends GitopsError {
  constructor(environment: string) {
    super('APPLY_LOCKED', `environment ${environment} is being applied by another process (its lock is held); try again later or pass --wait`, { environment });
  }
}

/** No applied state recorded: the environment must be adopted before the first apply. */
export class NotAdoptedError extends GitopsError {
  constructor(environment: string) {
    super(
      'NOT_ADOPTED',
      `environment ${environment} has no applied state in the CMDB; record what is deployed first with \`pigsty-gitops adopt ${environment} --rev <revision>\``,
      { environment },
    );
  }
}

/** A plan action whose argv is not a Pigsty command relative to the Pigsty home. */
export class UnsafeActionError extends GitopsError {
  constructor(actionId: string, reason: string) {
    super('UNSAFE_ACTION', `plan action ${actionId} cannot be run: ${reason}`, { actionId });
  }
}

/** The inventory could not be uploaded (checksum mismatch, rename failed…). */
export class UploadError extends GitopsError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('UPLOAD_FAILED', message, details, options);
  }
}
