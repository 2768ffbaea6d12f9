/** The `apply` command's action, loaded only when the command runs (keeps CLI start-up small). */
import { applyEnvironment, type ApplyOutcome } from '../apply/apply-environment.js';
import { ApplyLockedError, NotAdoptedError } from '../apply/apply-errors.js';
import { prepareApply } from '../apply/prepare-apply.js';
import { startProgressReporter } from '../apply/progress-reporter.js';
import { describeInterruptedRun, recoverInterruptedRuns } from '../apply/recover-interrupted.js';
import { RunEventBus } from '../apply/run-events.js';
import { openStore } from '../cmdb/index.js';
import { loadConfig } from '../config/load-config.js';
import { createExecutor } from '../executor/create-executor.js';
import { GitNotesWriter } from '../git/notes.js';
import { UsageError } from '../util/errors.js';
import { createValidator } from '../validate/validate.js';
import { EXIT_ERROR, EXIT_OK, EXIT_REJECTED, type CommandIo } from './command.js';


export interface ApplyOptions {
  rev?: string;
  dryRun?: boolean;
  allowDestroy?: boolean;
  wait?: boolean;
  config?: string;
  format: 'text' | 'json';
}

export async function runApply(envName: string, options: ApplyOptions, io: CommandIo): Promise<number> {
  const config = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
  const environment = config.environments[envName];
  if (environment === undefined) {
    const known = Object.keys(config.environments).join(', ') || '(none)';
    throw new UsageError(`unknown environment ${envName}; configured: ${known}`);
  }
  const store = await openStore({ url: config.cmdb.url, dataDir: config.cmdb.dataDir });
  const bus = new RunEventBus();
  const reporter = options.format === 'text' ? startProgressReporter(bus, { write: io.stdout, tty: io.isTty }) : undefined;
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    for (const run of await recoverInterruptedRuns(store)) io.stderr(`pigsty-gitops: ${describeInterruptedRun(run)}\n`);
    const request = await prepareApply({
      repoDir: config.repo.path,
      gitEnv: io.env,
      environment,
      rev: options.rev ?? config.repo.branch,
      validator: createValidator(),
      allowDestroy: options.allowDestroy === true,
      dryRun: options.dryRun === true,
      waitForLock: options.wait === true,
      trigger: 'cli',
      actor: io.env.USER,
      pullRequest: undefined,
    });
    let outcome: ApplyOutcome;
    try {
      outcome = await applyEnvironment(
        { ...request, signal: abort.signal },
        {
          store,
          connect: async () => createExecutor(environment, { env: io.env }),
          events: bus,
          notes: new GitNotesWriter(config.repo.path, { env: io.env }),
          now: () => new Date(),
        },
      );
    } catch (err) {
      if (err instanceof ApplyLockedError || err instanceof NotAdoptedError) {
        reporter?.stop();
        if (options.format === 'json') io.stdout(`${JSON.stringify({ environment: envName, status: 'refused', code: err.code, message: err.message }, null, 2)}\n`);
        else io.stderr(`pigsty-gitops: ${err.message}\n`);
        return EXIT_REJECTED;
      }
      throw err;
    }
    reporter?.stop();
    if (options.format === 'json') io.stdout(`${JSON.stringify(outcomeJson(outcome), null, 2)}\n`);
    else io.stdout(outcomeText(outcome));
    return exitCodeOf(outcome);
  } finally {
    process.removeListener('SIGINT', onSigint);
    reporter?.stop();
    await store.close();
  }
}

export function exitCodeOf(outcome: ApplyOutcome): number {
  switch (outcome.status) {
    case 'succeeded':
    case 'dry-run':
    case 'up-to-date':
      return EXIT_OK;
    case 'failed':
      return outcome.failure === 'step' ? EXIT_REJECTED : EXIT_ERROR;
    default:
      return EXIT_REJECTED;
  }
}

function outcomeJson(outcome: ApplyOutcome): Record<string, unknown> {
  return {
    environment: outcome.environment,
    status: outcome.status,
    runId: outcome.runId ?? null,
    revision: outcome.revision,
    baseRevision: outcome.baseRevision,
    planHash: outcome.planHash,
    message: outcome.message ?? null,
    failure: outcome.failure ?? null,
    upload: outcome.upload ?? null,
    actions: outcome.plan.actions.map((a, i) => ({ order: i + 1, id: a.id, argv: a.argv, risk: a.risk })),
    steps: outcome.steps.map((s) => ({ order: s.order, argv: s.argv, status: s.status, exitCode: s.exitCode, durationMs: s.durationMs })),
    failedStep:
      outcome.failedStep === undefined
        ? null
        : { order: outcome.failedStep.order, argv: outcome.failedStep.argv, exitCode: outcome.failedStep.exitCode, outputTail: outcome.failedStep.outputTail },
    diagnostics: outcome.plan.diagnostics,
    warnings: outcome.warnings,
  };
}

function outcomeText(outcome: ApplyOutcome): string {
  const lines: string[] = [];
  const head = `${outcome.environment}: ${outcome.baseRevision.slice(0, 12)} → ${outcome.revision.slice(0, 12)}`;
  if (outcome.status === 'dry-run') {
    lines.push(`${head}: dry run, ${outcome.plan.actions.length} step(s) would run:`);
    outcome.plan.actions.forEach((a, i) => lines.push(`  ${i + 1}. [${a.risk}] ${a.argv.join(' ')}`));
  } else if (outcome.status === 'invalid') {
    lines.push(`${head}: ${outcome.message ?? 'invalid'}`);
    for (const d of outcome.plan.diagnostics.filter((x) => x.severity === 'error')) {
      lines.push(`  ${d.file ?? ''}:${d.line ?? 0}:${d.column ?? 0}: ${d.code} ${d.message}`);
    }
  } else {
    const message = outcome.message?.replace(/^refused: /, '');
    lines.push(`${head}: ${outcome.status}${message === undefined ? '' : ` — ${message}`}`);
  }
  if (outcome.failedStep !== undefined && outcome.failedStep.outputTail !== '') {
    lines.push(`last output of step ${outcome.failedStep.order}:`);
    lines.push(...outcome.failedStep.outputTail.split('\n').map((l) => `  ${l}`));
  }
  for (const w of outcome.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
