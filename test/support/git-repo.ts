/**
 * Sealed temporary git repositories for tests: no global or system git config is read
 * (GIT_CONFIG_GLOBAL=/dev/null, GIT_CONFIG_NOSYSTEM=1), author set locally, branch `main`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nonInteractiveGitEnv } from '../../src/git/git-client.js';
import { simpleGit, type SimpleGit } from 'simple-git';

export interface TempRepo {
  dir: string;
  /** The sealed environment git (and spawned hooks) run with. */
  env: NodeJS.ProcessEnv;
  git: SimpleGit;
  /** Writes a file relative to the work tree, creating directories. */
  write(path: string, text: string): void;
  /** Stages `paths` (all changes when omitted). */
  add(...paths: string[]): Promise<void>;
  /** Commits staged changes and returns the new commit id. */
  commit(message: string): Promise<string>;
}

/** The process environment without any GIT_* variable, plus a sealed git configuration. */
export function sealedGitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && value !== undefined) env[key] = value;
  }
  return { ...env, HOME: home, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
}

/** A scratch directory removed by `removeTempDirs()`. */
export function makeTempDir(prefix: string, created: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `pigsty-gitops-${prefix}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(created: string[]): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function gitIn(dir: string, env: NodeJS.ProcessEnv): SimpleGit {
  return simpleGit({ baseDir: dir, unsafe: { allowUnsafeConfigPaths: true, allowUnsafeHooksPath: true } }).env(nonInteractiveGitEnv(env));
}

/** Creates a work-tree repository (or a bare one) in a new temp dir listed in `created`. */
export async function createTempRepo(created: string[], options: { bare?: boolean } = {}): Promise<TempRepo> {
  const dir = makeTempDir(options.bare === true ? 'bare' : 'repo', created);
  const env = sealedGitEnv(dir);
  const git = gitIn(dir, env);
  await git.raw(['init', '--quiet', '-b', 'main', ...(options.bare === true ? ['--bare'] : [])]);
  await git.raw(['config', 'user.name', 'Test Author']);
  await git.raw(['config', 'user.email', 'test@example.com']);
  await git.raw(['config', 'commit.gpgsign', 'false']);
  return {
    dir,
    env,
    git,
    write(path, text) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    },
    async add(...paths) {
      await git.raw(['add', '--', ...(paths.length === 0 ? ['.'] : paths)]);
    },
    async commit(message) {
      await git.raw(['commit', '--quiet', '--no-verify', '-m', message]);
      return (await git.raw(['rev-parse', 'HEAD'])).trim();
    },
  };
}
