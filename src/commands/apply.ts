import { Option, type Command } from 'commander';
import type { CliCommand, CommandIo } from './command.js';
import type { ApplyOptions } from './run-apply.js';

/**
 * `pigsty-gitops apply <env> [--rev REV] [--dry-run] [--allow-destroy] [--wait] [--config FILE] [--format text|json]`
 * — applies the environment's inventory at REV (default: the configured branch) on its admin node.
 * Exit 0 applied (or dry run, or already up to date), 1 invalid / refused / a step failed / locked,
 * 2 usage, I/O or connection error.
 */
export const applyCommand: CliCommand = {
  register(program: Command, io: CommandIo, done: (code: number) => void): void {
    program
      .command('apply')
      .description('apply an environment at a revision on its admin node (lock, upload, run the plan, record)')
      .argument('<env>', 'environment name from the configuration')
      .option('--rev <rev>', 'revision to apply (default: the configured branch)')
      .option('--dry-run', 'record and show what would run; upload nothing, run nothing')
      .option('--allow-destroy', 'allow destructive actions (removals, drops)')
      .option('--wait', 'wait for another apply of this environment to finish instead of refusing')
      .option('--config <file>', 'configuration file (default ./pigsty-gitops.yml)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .action(async (env: string, options: ApplyOptions) => {
        // Loaded on use: other commands (and --help) do not pay for ssh2, pg and the apply engine.
        const { runApply } = await import('./run-apply.js');
        done(await runApply(env, options, io));
      });
  },
};

