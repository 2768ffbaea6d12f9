import type { RunOptions, RunResult } from './executor.js';
import { LineSplitter } from './line-splitter.js';
import { OutputTail } from './output-tail.js';

/**
 * The bookkeeping shared by every executor for one running command: line splitting,
 * bounded output tail, timeout and cancellation (which call `kill`), and the final result.
 */
export class RunMonitor {
  readonly stdout: LineSplitter;
  readonly stderr: LineSplitter;
  timedOut = false;
  cancelled = false;
  private readonly tail = new OutputTail();
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = (): void => this.stop('cancel');

  constructor(
    private readonly options: RunOptions,
    private readonly kill: () => void,
    interceptStdout: (line: string) => boolean = () => false,
  ) {
    this.stdout = new LineSplitter((line) => {
      if (!interceptStdout(line)) this.line(line, 'stdout');
    });
    this.stderr = new LineSplitter((line) => this.line(line, 'stderr'));
  }

  /** Arms the timeout and the abort signal; an already-aborted signal kills at once. */
  start(): void {
    if (this.options.timeoutMs !== undefined) {
      this.timer = setTimeout(() => this.stop('timeout'), this.options.timeoutMs);
    }
    if (this.options.signal !== undefined) {
      if (this.options.signal.aborted) this.stop('cancel');
      else this.options.signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  get stopping(): boolean {
    return this.timedOut || this.cancelled;
  }

  /** Flushes the last partial lines, disarms timers and builds the result. */
  finish(exitCode: number | null, signal: string | null): RunResult {
    this.dispose();
    this.stdout.end();
    this.stderr.end();
    return {
      exitCode,
      signal,
      timedOut: this.timedOut,
      cancelled: this.cancelled,
      durationMs: Date.now() - this.startedAt,
      outputTail: this.tail.toString(),
    };
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }

  get outputTail(): string {
    return this.tail.toString();
  }

  private stop(reason: 'timeout' | 'cancel'): void {
    if (this.stopping) return;
    if (reason === 'timeout') this.timedOut = true;
    else this.cancelled = true;
    this.kill();
  }

  private line(text: string, stream: 'stdout' | 'stderr'): void {
    this.tail.add(text);
    try {
      this.options.onLine?.(text, stream);
    } catch {
      // A failing subscriber must not break the command's bookkeeping.
    }
  }
}
