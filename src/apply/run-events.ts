/**
 * Live events of apply runs, for the CLI progress display and the server's SSE stream.
 * One bus per process (created by the caller and passed in), many subscribers.
 */
export type RunEvent =
  | { type: 'run-started'; runId: string; environment: string; revision: string; dryRun: boolean; steps: { order: number; argv: readonly string[]; risk: string }[]; time: Date }
  | { type: 'upload-started'; runId: string; path: string; time: Date }
  | { type: 'upload-finished'; runId: string; path: string; sha256: string; backupPath: string | undefined; time: Date }
  | { type: 'step-started'; runId: string; order: number; total: number; argv: readonly string[]; time: Date }
  | { type: 'step-output'; runId: string; order: number; stream: 'stdout' | 'stderr'; line: string }
  | { type: 'step-finished'; runId: string; order: number; total: number; status: string; exitCode: number | null; durationMs: number; time: Date }
  | { type: 'run-finished'; runId: string; status: string; error: string | undefined; time: Date };

export type RunEventListener = (event: RunEvent) => void;

export class RunEventBus {
  private readonly listeners = new Set<RunEventListener>();

  /** Adds a listener; returns the function that removes it. A throwing listener never breaks the run. */
  subscribe(listener: RunEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: RunEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a subscriber's failure is its own problem
      }
    }
  }

  /**
   * Events of one run (or all runs) as an async iterator, ending after that run's `run-finished`
   * or when `signal` aborts. Buffers events between reads.
   */
  async *stream(options: { runId?: string; signal?: AbortSignal } = {}): AsyncGenerator<RunEvent> {
    const queue: RunEvent[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const unsubscribe = this.subscribe((event) => {
      if (options.runId !== undefined && event.runId !== options.runId) return;
      queue.push(event);
      wake?.();
    });
    const onAbort = (): void => {
      ended = true;
      wake?.();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      while (!ended || queue.length > 0) {
        const next = queue.shift();
        if (next === undefined) {
          if (ended) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        yield next;
        if (next.type === 'run-finished' && options.runId !== undefined) break;
      }
    } finally {
      unsubscribe();
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}
