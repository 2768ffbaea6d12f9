import { GitopsError } from '../util/errors.js';

/** The SSH connection could not be opened, or broke while a command was running. */
export class SshConnectError extends GitopsError {
  constructor(target: string, reason: string, options?: { cause?: unknown }) {
    super('SSH_CONNECT', `SSH connection to ${target} failed: ${reason}`, { target, reason }, options);
  }
}

/** The server's host key is not the pinned one (changed key): refused, never accepted. */
export class HostKeyMismatchError extends GitopsError {
  constructor(target: string, presented: string, pinnedBy: string) {
    super(
      'SSH_HOST_KEY_MISMATCH',
      `host key of ${target} does not match the pinned key (${pinnedBy}); the server presented ${presented}. ` +
        'Refusing to connect: if the key was legitimately changed, update the pin in the configuration.',
      { target, presented, pinnedBy },
    );
  }
}

/** The server's host key is not pinned at all (no known_hosts entry, no fingerprint): refused. */
export class UnknownHostKeyError extends GitopsError {
  constructor(target: string, presented: string, pinnedBy: string) {
    super(
      'SSH_HOST_KEY_UNKNOWN',
      `host key of ${target} is unknown (${pinnedBy}); the server presented ${presented}. ` +
        'Refusing to connect: add the host to the known_hosts file or set host_key_fingerprint.',
      { target, presented, pinnedBy },
    );
  }
}

/** The server refused every offered credential. */
export class AuthenticationError extends GitopsError {
  constructor(target: string, user: string, methods: string) {
    super('SSH_AUTH', `authentication as ${user} on ${target} failed (tried ${methods})`, { target, user, methods });
  }
}

/** A command ran and did not succeed (non-zero exit, signal, or lost connection). */
export class CommandFailedError extends GitopsError {
  readonly argv: readonly string[];
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly outputTail: string;

  constructor(argv: readonly string[], exitCode: number | null, signal: string | null, outputTail: string) {
    const how = signal !== null ? `was killed by signal ${signal}` : exitCode !== null ? `exited with code ${exitCode}` : 'ended without an exit status';
    super('COMMAND_FAILED', `command ${argv.join(' ')} ${how}`, { argv: [...argv], exitCode, signal, outputTail });
    this.argv = argv;
    this.exitCode = exitCode;
    this.signal = signal;
    this.outputTail = outputTail;
  }
}

/** A command exceeded its timeout and was killed. */
export class CommandTimeoutError extends GitopsError {
  readonly argv: readonly string[];
  readonly timeoutMs: number;
  readonly outputTail: string;

  constructor(argv: readonly string[], timeoutMs: number, outputTail: string) {
    super('COMMAND_TIMEOUT', `command ${argv.join(' ')} timed out after ${timeoutMs} ms and was killed`, {
      argv: [...argv],
      timeoutMs,
      outputTail,
    });
    this.argv = argv;
    this.timeoutMs = timeoutMs;
    this.outputTail = outputTail;
  }
}

/** An argument the executor refuses to send (bad env name, relative cwd, NUL byte). */
export class InvalidCommandError extends GitopsError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('COMMAND_INVALID', message, details);
  }
}

/** A file could not be written on the target. */
export class UploadError extends GitopsError {
  constructor(target: string, remotePath: string, reason: string, options?: { cause?: unknown }) {
    super('UPLOAD_FAILED', `upload of ${remotePath} to ${target} failed: ${reason}`, { target, remotePath, reason }, options);
  }
}
