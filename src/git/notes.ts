import { InputError } from '../util/errors.js';
import { gitClient } from './git-client.js';
import type { SimpleGit } from 'simple-git';

/** Notes ref of the deployment history: `git log --notes=pigsty-gitops environments/prod`. */
export const NOTES_REF = 'refs/notes/pigsty-gitops';

export type DeploymentStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted' | 'cancelled';

export interface DeploymentNote {
  environment: string;
  status: DeploymentStatus;
  runId: string;
  time: Date;
}

/** One line per run: `pigsty-gitops: environment=prod status=succeeded run=12 time=2026-01-01T00:00:00.000Z`. */
export function formatDeploymentNote(note: DeploymentNote): string {
  return `pigsty-gitops: environment=${note.environment} status=${note.status} run=${note.runId} time=${note.time.toISOString()}`;
}

export interface GitNotesOptions {
  env?: NodeJS.ProcessEnv;
  /** Remote to push the notes to when it exists. Default `origin`. */
  remote?: string;
  /** Push after writing: `auto` (default) pushes when the remote exists. */
  push?: 'auto' | 'never';
}

/**
 * Writes deployment notes on applied commits under `refs/notes/pigsty-gitops` (appending: one line per
 * run, several environments may apply one commit) and pushes the notes ref when a remote exists.
 * Notes commits are authored as the repository's configured user, else `pigsty-gitops`.
 */
export class GitNotesWriter {
  private readonly git: SimpleGit;
  private readonly remote: string;

  constructor(
    readonly repoDir: string,
    private readonly options: GitNotesOptions = {},
  ) {
    this.git = gitClient(repoDir, withIdentity(options.env ?? process.env));
    this.remote = options.remote ?? 'origin';
  }

  async addDeploymentNote(revision: string, note: DeploymentNote): Promise<void> {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(revision)) throw new InputError(`not a full commit id: ${JSON.stringify(revision)}`, { revision });
    await this.git.raw(['notes', `--ref=${NOTES_REF}`, 'append', '-m', formatDeploymentNote(note), revision]);
    if (this.options.push !== 'never') await this.pushNotes();
  }

  /** The notes on `revision` (empty string when none). */
  async readNotes(revision: string): Promise<string> {
    try {
      return await this.git.raw(['notes', `--ref=${NOTES_REF}`, 'show', revision]);
    } catch {
      return '';
    }
  }

  /** Pushes the notes ref when the remote exists; merges the remote's notes first when the push is refused. */
  async pushNotes(): Promise<boolean> {
    const remotes = (await this.git.raw(['remote'])).split('\n').map((r) => r.trim());
    if (!remotes.includes(this.remote)) return false;
    try {
      await this.git.raw(['push', '--quiet', this.remote, `${NOTES_REF}:${NOTES_REF}`]);
    } catch {
      const fetched = `${NOTES_REF}-remote`;
      await this.git.raw(['fetch', '--quiet', this.remote, `+${NOTES_REF}:${fetched}`]);
      await this.git.raw(['notes', `--ref=${NOTES_REF}`, 'merge', '--quiet', '-s', 'cat_sort_uniq', fetched]);
      await this.git.raw(['push', '--quiet', this.remote, `${NOTES_REF}:${NOTES_REF}`]);
    }
    return true;
  }
}

/** Notes are commits: when git has no e-mail for the committer, give it one (a configured user still wins). */
function withIdentity(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, EMAIL: env.EMAIL ?? 'pigsty-gitops@localhost' };
}
