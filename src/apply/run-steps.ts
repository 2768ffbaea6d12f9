/**
 * Runs plan actions one by one from the Pigsty home, in plan order, streaming scrubbed output
 * to the CMDB (capped) and to live subscribers. Stops at the first failure; the rest are skipped.
 */
import type { Executor, RunResult } from '../executor/executor.js';
import { GitopsError } from '../util/errors.js';
import { runnableArgv } from './action-guard.js';
import { CappedOutput, DEFAULT_OUTPUT_CAP, type CappedOutputOptions } from './capped-output.js';
import type { ApplyAction, ApplyStore, StepStatus } from './ports.js';
import type { RunEventBus } from './run-events.js';
import type { Scrubber } from './secret-scrubber.js';

/** Why a step did not succeed. `connection`: the executor lost (or could not get) the node. */
export type StepFailure = 'exit' | 'signal' | 'timeout' | 'connection' | 'cancelled';

export interface StepOutcome {
  order: number;
  actionId: string;
  argv: readonly string[];
  status: StepStatus;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** Last lines of scrubbed output. */
  outputTail: string;
  failure: StepFailure | undefined;
  /** One-line explanation of a failure. */
  message: string | undefined;
}

export interface RunStepsInput {
  executor: Executor;
  store: ApplyStore;
  events: RunEventBus;
  runId: string;
  actions: readonly ApplyAction[];
  pigstyHome: string;
  stepTimeoutMs: number;
  /** Absolute path of the uploaded base inventory, for actions with `inventory: 'base'`. */
  baseInventoryPath: string | undefined;
  scrub: Scrubber;
  now: () => Date;
  signal?: AbortSignal;
  outputCap?: CappedOutputOptions;
  /** Lines of output kept in `outputTail`. Default 20. */
  tailLines?: number;
}

export async function runSteps(input: RunStepsInput): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  const total = input.actions.length;
  let stopped = false;
  for (const [index, action] of input.actions.entries()) {
    const order = index + 1;
    if (stopped || input.signal?.aborted === true) {
      const status: StepStatus = stopped ? 'skipped' : 'cancelled';
      await input.store.updateStep(input.runId, order, { status });
      outcomes.push(notRun(order, action, status));
      stopped = true;
      continue;
    }
    const outcome = await runOne(input, action, order, total);
    outcomes.push(outcome);
    if (outcome.status !== 'succeeded') stopped = true;
  }
  return outcomes;
}

async function runOne(input: RunStepsInput, action: ApplyAction, order: number, total: number): Promise<StepOutcome> {
  const argv = runnableArgv(action);
  const output = new CappedOutput(input.outputCap ?? DEFAULT_OUTPUT_CAP);
  const startedAt = input.now();
  await input.store.updateStep(input.runId, order, { status: 'running', startedAt });
  input.events.emit({ type: 'step-started', runId: input.runId, order, total, argv: action.argv, time: startedAt });

  let result: RunResult | undefined;
  let thrown: unknown;
  try {
    result = await input.executor.run(argv, {
      cwd: input.pigstyHome,
      timeoutMs: input.stepTimeoutMs,
      ...(action.inventory === 'base' && input.baseInventoryPath !== undefined ? { env: { ANSIBLE_INVENTORY: input.baseInventoryPath } } : {}),
      ...(input.signal === undefined ? {} : { signal: input.signal }),
      onLine: (raw, stream) => {
        const line = input.scrub(raw);
        output.push(line);
        input.events.emit({ type: 'step-output', runId: input.runId, order, stream, line });
      },
    });
  } catch (err) {
    thrown = err;
  }
  const finishedAt = input.now();
  const { status, failure, message } = classify(result, thrown, input.stepTimeoutMs, input.scrub);
  if (message !== undefined && thrown !== undefined) output.push(`[pigsty-gitops: ${message}]`);
  const exitCode = result?.exitCode ?? null;
  await input.store.updateStep(input.runId, order, { status, exitCode, finishedAt, output: output.text() });
  const durationMs = result?.durationMs ?? finishedAt.getTime() - startedAt.getTime();
  input.events.emit({ type: 'step-finished', runId: input.runId, order, total, status, exitCode, durationMs, time: finishedAt });
  return {
    order,
    actionId: action.id,
    argv: action.argv,
    status,
    exitCode,
    signal: result?.signal ?? null,
    durationMs,
    outputTail: output.lastLines(input.tailLines ?? 20),
    failure,
    message,
  };
}

function classify(
  result: RunResult | undefined,
  thrown: unknown,
  timeoutMs: number,
  scrub: Scrubber,
): { status: StepStatus; failure: StepFailure | undefined; message: string | undefined } {
  if (result === undefined) {
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    const code = thrown instanceof GitopsError ? `${thrown.code}: ` : '';
    return { status: 'failed', failure: 'connection', message: scrub(`${code}${text}`) };
  }
  if (result.cancelled) return { status: 'cancelled', failure: 'cancelled', message: 'cancelled' };
  if (result.timedOut) return { status: 'failed', failure: 'timeout', message: `timed out after ${timeoutMs} ms (process killed)` };
  if (result.exitCode === 0) return { status: 'succeeded', failure: undefined, message: undefined };
  if (result.exitCode !== null) return { status: 'failed', failure: 'exit', message: `exited with code ${result.exitCode}` };
  if (result.signal !== null) return { status: 'failed', failure: 'signal', message: `killed by signal ${result.signal}` };
  return { status: 'failed', failure: 'connection', message: 'the connection to the node was lost before the command finished' };
}

function notRun(order: number, action: ApplyAction, status: StepStatus): StepOutcome {
  return { order, actionId: action.id, argv: action.argv, status, exitCode: null, signal: null, durationMs: 0, outputTail: '', failure: undefined, message: undefined };
}
