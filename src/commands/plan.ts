import { Option, type Command } from 'commander';
import type { CliCommand, CommandIo } from './command.js';
import type { PlanOptions } from './run-plan.js';

/**
 * `pigsty-gitops plan [--format text|json|markdown] [--base INV] [--env NAME] INV` — the Pigsty
 * commands that take the deployment from the base inventory to the target one, in order, with risk.
 * INV is a file, an environment directory or `git:REV[:PATH]` (`--base git:main` = the target's path
 * at main). Without `--base` the base is empty: everything in the target is new.
 * Exit 0 plan computed (even empty), 1 target invalid, 2 usage or I/O error.
 */
export const planCommand: CliCommand = {
  register(program: Command, io: CommandIo, done: (code: number) => void): void {
    program
      .command('plan')
      .description('plan the Pigsty commands that take the deployment from --base to the target inventory')
      .argument('<target>', 'target inventory: file, environment directory or git:REV[:PATH]')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
      .option('--base <inventory>', 'base inventory (file, directory or git:REV[:PATH]); omitted = empty base, everything is new')
      .option('--env <name>', 'environment name shown in the plan')
      .option('--full-plan <pointer>', 'markdown: where the full plan is (URL or command), shown when truncated')
      .action(async (target: string, options: PlanOptions) => {
        // Loaded on use: other commands (and --help) do not pay for this command's modules.
        const { runPlan } = await import('./run-plan.js');
        done(await runPlan(target, options, io));
      });
  },
};

