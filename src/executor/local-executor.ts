import { spawn } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { UploadError } from './errors.js';
import type { Executor, RunOptions, RunResult } from './executor.js';
import { RunMonitor } from './run-monitor.js';
import { assertRunnable } from './shell-quote.js';

export interface LocalExecutorOptions {
  /** Base environment of the commands (e.g. `process.env`); `RunOptions.env` is added on top. */
  env: NodeJS.ProcessEnv;
  /** After SIGTERM to the process group, wait this long before SIGKILL. Default 5 s. */
  killGraceMs?: number | undefined;
}

/**
 * Runs commands on this machine (development and the demo): no shell, each command in its
 * own process group so a timeout or cancel ends it and everything it started.
 */
export class LocalExecutor implements Executor {
  readonly target = 'local';

  constructor(private readonly options: LocalExecutorOptions) {}

  async run(argv: readonly string[], options: RunOptions): Promise<RunResult> {
    assertRunnable(argv, options.cwd, options.env);
    const [file, ...args] = argv as [string, ...string[]];
    return new Promise<RunResult>((resolve) => {
      const child = spawn(file, args, {
        cwd: options.cwd,
        env: { ...this.options.env, ...options.env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let killTimer: NodeJS.Timeout | undefined;
      const signalGroup = (signal: NodeJS.Signals): void => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      };
      const monitor = new RunMonitor(options, () => {
        signalGroup('SIGTERM');
        killTimer = setTimeout(() => signalGroup('SIGKILL'), this.options.killGraceMs ?? 5000);
      });
      child.stdout.on('data', (chunk: Buffer) => monitor.stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => monitor.stderr.push(chunk));
      let spawnError: Error | undefined;
      child.on('error', (err) => {
        spawnError = err;
      });
      child.on('close', (code, signal) => {
        if (killTimer !== undefined) clearTimeout(killTimer);
        // Whatever the command left running in its group goes with it.
        if (monitor.stopping) signalGroup('SIGKILL');
        if (spawnError !== undefined) {
          monitor.stderr.push(`${spawnError.message}\n`);
          resolve(monitor.finish(127, null));
          return;
        }
        resolve(monitor.finish(code, signal === null ? null : signalName(signal)));
      });
      monitor.start();
    });
  }

  async upload(content: Buffer | string, remotePath: string, options: { mode?: number } = {}): Promise<void> {
    try {
      await writeFile(remotePath, content, options.mode === undefined ? {} : { mode: options.mode });
      if (options.mode !== undefined) await chmod(remotePath, options.mode);
    } catch (err) {
      throw new UploadError(this.target, remotePath, (err as NodeJS.ErrnoException).code ?? String(err), { cause: err });
    }
  }

  async close(): Promise<void> {
    // Nothing held open.
  }
}

/** `SIGTERM` → `TERM`, as SSH reports signals. */
function signalName(signal: NodeJS.Signals): string {
  return signal in constants.signals ? signal.replace(/^SIG/, '') : signal;
}
