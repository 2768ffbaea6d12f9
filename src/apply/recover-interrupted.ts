/**
 * At start: runs left `running` by a process that died are marked `interrupted` and reported.
 * They are never resumed; the next apply re-plans from the last applied state.
 */
import type { ApplyStore, InterruptedRun } from './ports.js';

export async function recoverInterruptedRuns(store: Pick<ApplyStore, 'markInterruptedRuns'>): Promise<InterruptedRun[]> {
  return store.markInterruptedRuns();
}

/** One line per interrupted run, for the CLI and the service log. */
export function describeInterruptedRun(run: InterruptedRun): string {
  return `run ${run.runId} (${run.environment} at ${run.revision}) was interrupted by a crash; it is not resumed — the next apply re-plans from the last applied state`;
}
