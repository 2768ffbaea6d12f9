/**
 * Validation on a second core. The plan command loads the target once on the main thread (it
 * needs the model for the diff) and hands a snapshot of the bytes it read to a worker thread,
 * which validates them (schema and rules, the most expensive part of a plan) while the main
 * thread loads the base and computes the plan. The worker is started first, so its start-up
 * overlaps the main thread's own loading.
 *
 * The verdict is the same as validating in-thread: the worker replays exactly the recorded
 * reads through the same pipeline. When the worker cannot answer (it failed to start, crashed,
 * or the snapshot was incomplete), the caller validates in-thread instead.
 */
import { Worker } from 'node:worker_threads';
import type { ContentSnapshot } from '../inventory/content-snapshot.js';
import type { LoadOptions } from '../inventory/load.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { ValidationReply, ValidationRequest } from './validation-protocol.js';

export interface WorkerVerdict {
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface ParallelValidator {
  /** Sends the snapshot; resolves to the verdict, or to `undefined` when the worker could not answer. */
  validate(snapshot: ContentSnapshot, path: string, load?: LoadOptions): Promise<WorkerVerdict | undefined>;
  /** Stops the worker (idempotent). */
  close(): Promise<void>;
}

/** Starts the worker now (its start-up overlaps the caller's work). */
export function startParallelValidator(): ParallelValidator {
  let worker: Worker | undefined;
  let failure: string | undefined;
  try {
    // Same folder as this module in both the tsc output and the bundle.
    worker = new Worker(new URL('./validation-worker.js', import.meta.url));
    worker.unref();
    // A worker that cannot start (its file missing, out of memory…) only means validating in-thread.
    worker.on('error', (error: Error) => {
      failure ??= error.message;
    });
    worker.on('exit', (code) => {
      failure ??= `validation worker exited with code ${code}`;
    });
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  return {
    validate(snapshot, path, load) {
      const w = worker;
      if (w === undefined || failure !== undefined) return Promise.resolve(undefined);
      return new Promise<WorkerVerdict | undefined>((resolve) => {
        const settle = (verdict: WorkerVerdict | undefined): void => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          w.unref();
          resolve(verdict);
        };
        const onMessage = (reply: ValidationReply): void => settle(reply.ok ? { valid: reply.valid, diagnostics: reply.diagnostics } : undefined);
        const onError = (): void => settle(undefined);
        const onExit = (): void => settle(undefined);
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        // Held open while a verdict is awaited (unref'd otherwise, so an idle worker never delays exit).
        w.ref();
        const request: ValidationRequest = { snapshot, path, ...(load !== undefined ? { load } : {}) };
        w.postMessage(request);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w !== undefined) await w.terminate();
    },
  };
}
