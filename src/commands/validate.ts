import { Option, type Command } from 'commander';
import type { CliCommand, CommandIo } from './command.js';
import type { ValidateOptions } from './run-validate.js';

/**
 * `pigsty-gitops validate [--format text|json] PATH...` — validates inventory files and environment
 * directories (a directory of environments expands to each). `--staged` reads the index and, without
 * PATHs, validates the inventories the next commit changes (pre-commit hook); `--rev REV` reads a
 * revision and, without PATHs, validates the inventories REV changed since `--since OLD` (default: its
 * first parent; an all-zero OLD means "everything at REV") — the pre-receive hook.
 * Exit 0 all valid, 1 any invalid, 2 usage or I/O error.
 */
export const validateCommand: CliCommand = {
  register(program: Command, io: CommandIo, done: (code: number) => void): void {
    program
      .command('validate')
      .description('validate Pigsty inventories (files, environment directories, git:REV:PATH)')
      .argument('[paths...]', 'inventory file, environment directory, or a directory of environments')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('--staged', 'read the staged content (the index); without PATHs, the inventories the next commit changes')
      .option('--rev <rev>', 'read a git revision; without PATHs, the inventories that revision changed')
      .option('--since <rev>', 'with --rev and no PATHs: compare with this revision (all zeros: validate everything)')
      .action(async (paths: string[], options: ValidateOptions) => {
        // Loaded on use: other commands (and --help) do not pay for the schema and git modules.
        const { runValidate } = await import('./run-validate.js');
        done(await runValidate(paths, options, io));
      });
  },
};

