import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError, UsageError } from '../util/errors.js';
import { EXIT_ERROR, EXIT_OK, type CliCommand, type CommandIo } from './command.js';

/** The package root: `src/commands/` and `dist/commands/` both sit two levels below it. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A line every hook shipped by pigsty-gitops carries; a hook without it is someone else's. */
export const HOOK_MARKER = 'pigsty-gitops pre-commit hook';
const INSTALLED_BIN_LINE = 'PIGSTY_GITOPS_INSTALLED_BIN=""';
/** Where `--force` moves a foreign hook before replacing it. */
export const BACKUP_SUFFIX = '.pre-pigsty-gitops';

/**
 * `pigsty-gitops hooks install [--force]` — installs the client-side pre-commit hook into the
 * current repository's hooks directory (honouring core.hooksPath). Re-installing over our own hook
 * updates it; a foreign hook is left alone unless `--force`, which keeps it as `pre-commit.pre-pigsty-gitops`.
 */
export const hooksCommand: CliCommand = {
  register(program: Command, io: CommandIo, done: (code: number) => void): void {
    const hooks = program.command('hooks').description('manage the git hooks that validate inventories');
    hooks
      .command('install')
      .description('install the pre-commit hook (validates staged inventories) into this repository')
      .option('--force', 'replace an existing pre-commit hook that pigsty-gitops did not install (kept as a backup)')
      .action(async (options: { force?: boolean }) => {
        done(await installPreCommit(io, options.force === true));
      });
  },
};

async function installPreCommit(io: CommandIo, force: boolean): Promise<number> {
  const { GitRepo } = await import('../git/repo.js'); // loaded on use, like every command's heavy parts
  const repo = await GitRepo.open(io.cwd, io.env);
  if (repo.topLevel === undefined) {
    throw new UsageError('hooks install needs a repository with a work tree (on a git server, install hooks/pre-receive instead)');
  }
  const hooksDir = await repo.hooksDir();
  const target = join(hooksDir, 'pre-commit');
  const existing = await readIfExists(target);
  if (existing !== undefined && !existing.includes(HOOK_MARKER)) {
    if (!force) {
      io.stderr(`pigsty-gitops: ${target} exists and was not installed by pigsty-gitops; not replacing it (use --force to replace it, keeping a backup)\n`);
      return EXIT_ERROR;
    }
    await rename(target, `${target}${BACKUP_SUFFIX}`);
    io.stdout(`kept the previous hook as ${target}${BACKUP_SUFFIX}\n`);
  }
  await mkdir(hooksDir, { recursive: true });
  await writeFile(target, await hookScript(), { mode: 0o755 });
  await chmod(target, 0o755);
  io.stdout(`${existing === undefined ? 'installed' : 'updated'} pre-commit hook: ${target}\n`);
  return EXIT_OK;
}

/** hooks/pre-commit with the path of this installation's CLI recorded as the fallback. */
async function hookScript(): Promise<string> {
  const templatePath = join(PACKAGE_ROOT, 'hooks', 'pre-commit');
  let template: string;
  try {
    template = await readFile(templatePath, 'utf8');
  } catch (err) {
    throw new InputError(`hook template missing: ${templatePath}`, { path: templatePath }, { cause: err });
  }
  const bin = join(PACKAGE_ROOT, 'bin', 'pigsty-gitops.js');
  return template.replace(INSTALLED_BIN_LINE, `PIGSTY_GITOPS_INSTALLED_BIN=${shellSingleQuote(bin)}`);
}

function shellSingleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw err;
  }
}
