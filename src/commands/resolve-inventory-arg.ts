import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ContentProvider } from '../inventory/content-provider.js';
import { DiskContentProvider } from '../inventory/disk-provider.js';
import { INDEX_REV } from '../git/index-rev.js';
import type { GitRepo } from '../git/repo.js';
import { InputError, UsageError } from '../util/errors.js';

/** An inventory argument resolved to where its files come from. */
export interface ResolvedInventory {
  provider: ContentProvider;
  /** Provider-relative posix path of the inventory file or directory. */
  path: string;
  /** How messages name it: `environments/prod` or `abc1234:environments/prod`. */
  display: string;
  /** The commit it was read from (`git:` arguments). */
  revision?: string;
}

export interface ResolveOptions {
  /** Environment for git (hooks depend on GIT_DIR, GIT_INDEX_FILE…). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Path used for `git:REV` without a path (e.g. `plan --base git:main environments/prod`
   * compares with the same path at main). Relative to `cwd` like any path argument.
   */
  defaultPath?: string;
}

export const GIT_PREFIX = 'git:';

/**
 * Resolves a command-line inventory argument:
 *  - `PATH` — a file or directory on disk, relative to `cwd` (must exist);
 *  - `git:REV:PATH` — PATH as it is at revision REV, read without a checkout; PATH is relative to `cwd`
 *    inside a work tree, relative to the repository root in a bare repository;
 *  - `git:INDEX:PATH` — the staged content of PATH;
 *  - `git:REV` — the path given as `defaultPath`, at REV (a usage error without one).
 * A missing disk path is an InputError; a malformed argument a UsageError.
 */
export async function resolveInventoryArg(arg: string, cwd: string, options: ResolveOptions = {}): Promise<ResolvedInventory> {
  if (arg.startsWith(GIT_PREFIX)) return resolveGitArg(arg, cwd, options);
  return resolveDiskArg(arg, cwd);
}

async function resolveDiskArg(arg: string, cwd: string): Promise<ResolvedInventory> {
  if (arg === '') throw new UsageError('empty inventory path');
  const full = resolve(cwd, arg);
  try {
    await stat(full);
  } catch (err) {
    throw new InputError(`no such file or directory: ${arg}`, { path: arg }, { cause: err });
  }
  const path = toPosix(isAbsolute(arg) ? full : relative(cwd, full)) || '.';
  return { provider: new CwdDiskProvider(cwd), path, display: path };
}

async function resolveGitArg(arg: string, cwd: string, options: ResolveOptions): Promise<ResolvedInventory> {
  const rest = arg.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  const rev = colon === -1 ? rest : rest.slice(0, colon);
  const rawPath = colon === -1 ? options.defaultPath : rest.slice(colon + 1);
  if (rev === '') throw new UsageError(`missing revision in ${JSON.stringify(arg)} (use git:REV:PATH)`);
  if (rawPath === undefined || rawPath === '') {
    throw new UsageError(`missing path in ${JSON.stringify(arg)} (use git:REV:PATH, e.g. git:${rev}:environments/prod)`);
  }
  // simple-git is loaded only when a git: argument needs it.
  const [{ GitRepo }, { GitRevisionProvider }] = await Promise.all([import('../git/repo.js'), import('../git/revision-provider.js')]);
  const repo = await GitRepo.open(cwd, options.env ?? process.env);
  const path = await repoRelative(repo, cwd, rawPath);
  const provider = await GitRevisionProvider.open(repo, rev === INDEX_REV ? INDEX_REV : rev);
  const found = (await provider.list(path)) !== undefined || (await provider.readFile(path)) !== undefined;
  if (!found) throw new InputError(`no such file or directory at ${rev}: ${path}`, { rev, path });
  return { provider, path, display: provider.displayPath(path), revision: provider.commit };
}

/** `cwd`-relative path → repository-relative posix path (`.` for the root). */
async function repoRelative(repo: GitRepo, cwd: string, rawPath: string): Promise<string> {
  if (repo.topLevel === undefined) return toPosix(rawPath).replace(/^\/+/, '') || '.';
  const top = await realpath(repo.topLevel);
  const here = await realpath(cwd);
  const rel = toPosix(relative(top, resolve(here, rawPath)));
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) {
    throw new UsageError(`path outside the repository: ${rawPath}`);
  }
  return rel === '' ? '.' : rel;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Disk files relative to the command's working directory, shown exactly as the user typed them. */
class CwdDiskProvider extends DiskContentProvider {
  override displayPath(path: string): string {
    return path;
  }
}
