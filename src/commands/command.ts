import type { Command } from 'commander';

/** Exit codes shared by every command: 0 ok, 1 the inventory or plan says no, 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_ERROR = 2;

/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (live progress instead of plain lines). */
  isTty: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A CLI sub-command. `register` adds it to the program; its action must call `done(code)`
 * exactly once instead of exiting the process.
 */
export interface CliCommand {
  register(program: Command, io: CommandIo, done: (code: number) => void): void;
}
