/**
 * The only door to a node. `apply/` runs plan actions through it; it knows nothing about Pigsty.
 */
export interface RunOptions {
  /** Working directory on the target (absolute). */
  cwd: string;
  /** Extra environment variables (names must match [A-Z_][A-Z0-9_]*). */
  env?: Record<string, string>;
  /** Kill the process (remote process included) after this many milliseconds. */
  timeoutMs?: number;
  /** Cancels the command; the process is killed and the result has `cancelled: true`. */
  signal?: AbortSignal;
  /** Called once per complete output line (stdout and stderr interleaved as they arrive), without the newline. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunResult {
  /** Exit code, or null when the process was ended by a signal or the connection broke. */
  exitCode: number | null;
  /** Signal name when killed by one (e.g. `TERM`, `KILL`). */
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  /** Last lines of output (bounded), for error messages and records. */
  outputTail: string;
}

export interface Executor {
  /** Human-readable target, e.g. `admin@10.10.10.10:22` or `local`. */
  readonly target: string;
  /**
   * Runs `argv[0]` with arguments `argv[1..]`; argv elements are passed intact (quoted for a remote shell).
   * Resolves with the result whatever the exit code (see `assertSucceeded` for a typed error).
   * Rejects with `SshConnectError`/`HostKeyMismatchError`/`UnknownHostKeyError`/`AuthenticationError` when the
   * target cannot be reached, with `SshConnectError` when the connection breaks mid-command (the message
   * carries the output tail), and with `InvalidCommandError` for an empty argv, relative cwd or bad env name.
   */
  run(argv: readonly string[], options: RunOptions): Promise<RunResult>;
  /** Writes `content` to `remotePath` (the caller handles atomic rename via `run`). */
  upload(content: Buffer | string, remotePath: string, options?: { mode?: number }): Promise<void>;
  close(): Promise<void>;
}
