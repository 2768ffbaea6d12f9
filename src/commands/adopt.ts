import { Option, type Command } from 'commander';
import type { CliCommand, CommandIo } from './command.js';
import type { AdoptOptions } from './run-adopt.js';

/**
 * `pigsty-gitops adopt <env> [--rev REV] [--force] [--config FILE] [--format text|json]` — records the
 * environment's inventory at REV (default: the configured branch) as applied, without running anything:
 * onboarding a Pigsty deployment that already runs. Exit 0 recorded, 1 the inventory does not load or
 * the environment already has an applied revision (without --force), 2 usage or I/O error.
 */
export const adoptCommand: CliCommand = {
  register(program: Command, io: CommandIo, done: (code: number) => void): void {
    program
      .command('adopt')
      .description("record an existing deployment's inventory as applied, without running anything")
      .argument('<env>', 'environment name')
      .option('--rev <rev>', 'revision that is deployed (default: the configured branch)')
      .option('--force', 'replace an applied revision already recorded')
      .option('--config <file>', 'configuration file (default ./pigsty-gitops.yml)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .action(async (env: string, options: AdoptOptions) => {
        // Loaded on use: other commands (and --help) do not pay for this command's modules.
        const { runAdopt } = await import('./run-adopt.js');
        done(await runAdopt(env, options, io));
      });
  },
};

