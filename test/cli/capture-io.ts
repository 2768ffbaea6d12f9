import type { CommandIo } from '../../src/commands/command.js';

export interface CapturedIo extends CommandIo {
  out: string[];
  err: string[];
  stdoutText(): string;
  stderrText(): string;
}

/** A CommandIo that records what a command writes, for calling `main(argv, io)` in process. */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv, isTty = false): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    isTty,
    cwd,
    env,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
  };
}
