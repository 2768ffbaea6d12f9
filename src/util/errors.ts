/**
 * Typed errors with a stable code and a user-facing message.
 * Callers classify by `code` (or class), never by message text.
 */
export class GitopsError extends Error {
  readonly code: string;
  /** Extra context for logs and JSON output; never contains secrets. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Bad command-line usage (exit code 2). */
export class UsageError extends GitopsError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** A file or revision could not be read (exit code 2). */
export class InputError extends GitopsError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('INPUT', message, details, options);
  }
}
