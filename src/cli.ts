import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { EXIT_ERROR, EXIT_OK, type CommandIo } from './commands/command.js';
import { GitopsError } from './util/errors.js';

const VERSION = '0.1.0';

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. Wiring only. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let exitCode: number | undefined;
  const program = new Command('pigsty-gitops')
    .description('GitOps for Pigsty: validate, plan and apply PostgreSQL inventories from git')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const done = (code: number): void => {
    exitCode = code;
  };
  for (const command of commands) command.register(program, io, done);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
      if (err.code === 'commander.help') return EXIT_OK;
      return EXIT_ERROR;
    }
    if (err instanceof GitopsError) {
      io.stderr(`pigsty-gitops: ${err.message}\n`);
      return EXIT_ERROR;
    }
    throw err;
  }
  return exitCode ?? EXIT_OK;
}

function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}
