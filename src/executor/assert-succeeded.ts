import { CommandFailedError, CommandTimeoutError } from './errors.js';
import type { RunResult } from './executor.js';

/** Turns an unsuccessful `RunResult` into the matching typed error; returns it unchanged on exit code 0. */
export function assertSucceeded(argv: readonly string[], result: RunResult, timeoutMs?: number): RunResult {
  if (result.timedOut) throw new CommandTimeoutError(argv, timeoutMs ?? result.durationMs, result.outputTail);
  if (result.exitCode !== 0) throw new CommandFailedError(argv, result.exitCode, result.signal, result.outputTail);
  return result;
}
