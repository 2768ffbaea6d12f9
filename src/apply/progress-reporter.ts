/**
 * Renders apply events for a person: on a terminal one status line (step n/m, elapsed) rewritten
 * in place with the step output scrolling above it; otherwise plain lines, one per event.
 */
import type { RunEvent, RunEventBus } from './run-events.js';

export interface ProgressReporterOptions {
  write: (text: string) => void;
  tty: boolean;
  /** Show each step's output lines (already scrubbed). Default true. */
  showOutput?: boolean;
  now?: () => number;
  /** Redraw interval of the status line on a terminal. Default 1000 ms. */
  tickMs?: number;
}

export interface ProgressReporter {
  stop(): void;
}

export function startProgressReporter(bus: RunEventBus, options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const showOutput = options.showOutput ?? true;
  let status = '';
  let stepStarted = 0;
  let runStarted = 0;
  let current: { order: number; total: number; argv: readonly string[] } | undefined;

  const clearStatus = (): void => {
    if (options.tty && status !== '') options.write('\r\u001b[2K');
  };
  const drawStatus = (): void => {
    if (!options.tty || current === undefined) return;
    status = `[${current.order}/${current.total} ${seconds(now() - stepStarted)}, total ${seconds(now() - runStarted)}] ${current.argv.join(' ')}`;
    options.write(`\r\u001b[2K${status}`);
  };
  const line = (text: string): void => {
    clearStatus();
    options.write(`${text}\n`);
    drawStatus();
  };

  const timer = options.tty ? setInterval(drawStatus, options.tickMs ?? 1000) : undefined;
  timer?.unref();

  const unsubscribe = bus.subscribe((event: RunEvent) => {
    switch (event.type) {
      case 'run-started':
        runStarted = now();
        line(`run ${event.runId}: ${event.environment} at ${event.revision}${event.dryRun ? ' (dry run)' : ''}, ${event.steps.length} step(s)`);
        break;
      case 'upload-started':
        line(`uploading inventory to ${event.path}`);
        break;
      case 'upload-finished':
        line(`uploaded ${event.path} (sha256 ${event.sha256.slice(0, 12)})${event.backupPath === undefined ? '' : `, previous kept as ${event.backupPath}`}`);
        break;
      case 'step-started':
        stepStarted = now();
        current = { order: event.order, total: event.total, argv: event.argv };
        if (options.tty) drawStatus();
        else line(`step ${event.order}/${event.total}: ${event.argv.join(' ')}`);
        break;
      case 'step-output':
        if (showOutput) line(options.tty ? event.line : `  ${event.line}`);
        break;
      case 'step-finished': {
        const exit = event.exitCode === null ? '' : `, exit ${event.exitCode}`;
        clearStatus();
        status = '';
        const argv = current?.order === event.order ? ` ${current.argv.join(' ')}` : '';
        current = undefined;
        line(`step ${event.order}/${event.total}${options.tty ? argv : ''} ${event.status} (${seconds(event.durationMs)}${exit})`);
        break;
      }
      case 'run-finished':
        clearStatus();
        status = '';
        current = undefined;
        line(`run ${event.runId} ${event.status}${event.error === undefined ? '' : `: ${event.error}`}`);
        break;
    }
  });

  return {
    stop() {
      if (timer !== undefined) clearInterval(timer);
      unsubscribe();
      clearStatus();
      status = '';
    },
  };
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
