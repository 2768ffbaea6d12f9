import type { SimpleGit } from 'simple-git';
import { InputError } from '../util/errors.js';
import { INDEX_REV } from './index-rev.js';
import { gitClient } from './git-client.js';

export { INDEX_REV } from './index-rev.js';
/** One entry of a tree (a revision's or the index's), path relative to the repository root. */
export interface TreeEntry {
  path: string;
  type: 'file' | 'dir';
  /** Blob id for files; tree id (or '' for directories derived from the index). */
  object: string;
  /** Blob size in bytes when git listed it (revisions), undefined otherwise. */
  size?: number;
}

/**
 * A small read-only wrapper around one git repository (work tree or bare), through simple-git.
 * The environment is passed in (hooks rely on GIT_DIR, GIT_INDEX_FILE and quarantine variables).
 */
export class GitRepo {
  private constructor(
    /** Directory git runs in. */
    readonly dir: string,
    /** Work tree root, or undefined in a bare repository. */
    readonly topLevel: string | undefined,
    private readonly git: SimpleGit,
  ) {}

  /** Opens the repository containing `dir`; throws InputError when `dir` is not inside one. */
  static async open(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<GitRepo> {
    let git: SimpleGit;
    try {
      git = gitClient(dir, env);
    } catch (err) {
      throw new InputError(`not a directory: ${dir}`, { dir }, { cause: err });
    }
    let inside: string;
    try {
      inside = (await git.raw(['rev-parse', '--is-bare-repository', '--is-inside-work-tree'])).trim();
    } catch (err) {
      throw new InputError(`not a git repository: ${dir}`, { dir }, { cause: err });
    }
    const [bare, inWorkTree] = inside.split('\n');
    let topLevel: string | undefined;
    if (bare !== 'true' && inWorkTree === 'true') {
      topLevel = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
    }
    return new GitRepo(dir, topLevel, git);
  }

  /** Full object id of `rev` as a commit; throws InputError for an unknown revision. */
  async resolveCommit(rev: string): Promise<string> {
    assertRevSyntax(rev);
    let commit = '';
    let cause: unknown;
    try {
      commit = (await this.git.raw(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`])).trim();
    } catch (err) {
      cause = err;
    }
    // simple-git does not reject every non-zero exit: an empty answer is a miss as well.
    if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new InputError(`unknown git revision: ${rev}`, { rev }, { cause });
    return commit;
  }

  /** Every file and directory of the commit's tree, with blob sizes (`git ls-tree -r -t -l`). */
  async listTree(commit: string): Promise<TreeEntry[]> {
    const out = await this.git.raw(['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', commit]);
    const entries: TreeEntry[] = [];
    for (const record of out.split('\0')) {
      if (record === '') continue;
      // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
      const tab = record.indexOf('\t');
      const [, type, object, size] = record.slice(0, tab).split(/ +/);
      const path = record.slice(tab + 1);
      if (type === 'blob') entries.push({ path, type: 'file', object: object ?? '', size: Number(size) });
      else if (type === 'tree') entries.push({ path, type: 'dir', object: object ?? '' });
    }
    return entries;
  }

  /** Every staged file (stage 0 or the first conflict stage) and the directories above them. */
  async listIndex(): Promise<TreeEntry[]> {
    const out = await this.git.raw(['ls-files', '--stage', '-z']);
    const files = new Map<string, TreeEntry>();
    const dirs = new Set<string>();
    for (const record of out.split('\0')) {
      if (record === '') continue;
      // "<mode> SP <object> SP <stage> TAB <path>"
      const tab = record.indexOf('\t');
      const [mode, object] = record.slice(0, tab).split(' ');
      const path = record.slice(tab + 1);
      if (mode === '160000' || files.has(path)) continue; // submodule, or a later conflict stage
      files.set(path, { path, type: 'file', object: object ?? '' });
      for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
        dirs.add(path.slice(0, slash));
      }
    }
    return [...[...dirs].map((path): TreeEntry => ({ path, type: 'dir', object: '' })), ...files.values()];
  }

  /** Size in bytes of one blob. */
  async blobSize(object: string): Promise<number> {
    return Number((await this.git.raw(['cat-file', '-s', object])).trim());
  }

  /** Content of one blob as UTF-8 text. */
  async readBlob(object: string): Promise<string> {
    return this.git.raw(['cat-file', 'blob', object]);
  }

  /** Paths changed between two commits (`git diff --name-only from to`), or in the index against HEAD. */
  async changedPaths(from: string | undefined, to: string): Promise<string[]> {
    const args = to === INDEX_REV
      ? ['diff', '--cached', '--name-only', '--no-renames', '-z', ...(from === undefined ? [] : [from])]
      : ['diff', '--name-only', '--no-renames', '-z', from ?? (await this.emptyTree()), to];
    const out = await this.git.raw(args);
    return out.split('\0').filter((p) => p !== '');
  }

  /** The empty tree's id in this repository's hash (SHA-1 or SHA-256): the base of a first commit. */
  async emptyTree(): Promise<string> {
    return (await this.git.raw(['hash-object', '-t', 'tree', '/dev/null'])).trim();
  }

  /** First parent of a commit, or undefined for a root commit. */
  async firstParent(commit: string): Promise<string | undefined> {
    const out = (await this.git.raw(['rev-list', '--parents', '-n', '1', commit])).trim();
    return out.split(' ')[1];
  }

  /** True when HEAD points at a commit (false in a fresh repository before its first commit). */
  async hasHead(): Promise<boolean> {
    try {
      return /^[0-9a-f]{40,64}$/.test((await this.git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim());
    } catch {
      return false;
    }
  }

  /** Directory where git looks for hooks (honours core.hooksPath), absolute. */
  async hooksDir(): Promise<string> {
    return (await this.git.raw(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'])).trim();
  }
}

const REV_SYNTAX = /^[A-Za-z0-9._\/@{}~^+-]+$/;

/** Revisions reach git as arguments: refuse anything that could read as an option or a pathspec. */
function assertRevSyntax(rev: string): void {
  if (!REV_SYNTAX.test(rev) || rev.startsWith('-')) {
    throw new InputError(`invalid git revision: ${JSON.stringify(rev)}`, { rev });
  }
}
