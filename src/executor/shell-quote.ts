import { InvalidCommandError } from './errors.js';

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** Quotes one word for a POSIX shell: wrapped in single quotes, each `'` written as `'\''`. */
export function quoteShellArg(word: string): string {
  if (word.includes('\0')) throw new InvalidCommandError('a command argument contains a NUL byte');
  if (word !== '' && /^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Throws unless `name` is a valid environment variable name (`[A-Z_][A-Z0-9_]*`). */
export function assertEnvName(name: string): void {
  if (!ENV_NAME.test(name)) {
    throw new InvalidCommandError(`invalid environment variable name ${JSON.stringify(name)} (expected [A-Z_][A-Z0-9_]*)`, { name });
  }
}

/** Checks argv, cwd and env names shared by every executor. */
export function assertRunnable(argv: readonly string[], cwd: string, env: Record<string, string> | undefined): void {
  if (argv.length === 0 || argv[0] === '') throw new InvalidCommandError('empty command');
  if (!cwd.startsWith('/')) throw new InvalidCommandError(`working directory must be absolute: ${JSON.stringify(cwd)}`, { cwd });
  for (const word of [...argv, cwd]) {
    if (word.includes('\0')) throw new InvalidCommandError('a command argument contains a NUL byte');
  }
  for (const [name, value] of Object.entries(env ?? {})) {
    assertEnvName(name);
    if (value.includes('\0')) throw new InvalidCommandError(`environment variable ${name} contains a NUL byte`, { name });
  }
}

/**
 * The POSIX shell line that runs `argv` in `cwd` with `env`: `cd <cwd> && export N=v && exec <argv>`.
 * With `pidMarker`, the shell first prints `<pidMarker><its pid>` on stdout; since the command
 * `exec`s into that pid (and an sshd session without a pty is its own process group),
 * the pid names the process group to kill on timeout or cancel.
 */
export function buildShellCommand(
  argv: readonly string[],
  cwd: string,
  env: Record<string, string> | undefined,
  pidMarker?: string,
): string {
  assertRunnable(argv, cwd, env);
  const parts: string[] = [];
  if (pidMarker !== undefined) parts.push(`printf '%s%s\\n' ${quoteShellArg(pidMarker)} "$$"`);
  parts.push(`cd ${quoteShellArg(cwd)}`);
  const assignments = Object.entries(env ?? {}).map(([name, value]) => `${name}=${quoteShellArg(value)}`);
  if (assignments.length > 0) parts.push(`export ${assignments.join(' ')}`);
  parts.push(`exec ${argv.map(quoteShellArg).join(' ')}`);
  // `printf` first on its own; then the rest chained so a failed `cd` does not run the command.
  const [first, ...rest] = parts;
  return pidMarker !== undefined ? `${first}; ${rest.join(' && ')}` : parts.join(' && ');
}
