import { InputError } from '../util/errors.js';
import { gitClient } from './git-client.js';

const REV_SYNTAX = /^[A-Za-z0-9._/@{}~^+-]+$/;

/** True when `rev` can be passed to git as a revision (never read as an option or a pathspec). */
export function isSafeRev(rev: string): boolean {
  return REV_SYNTAX.test(rev) && !rev.startsWith('-');
}

/** A commit that touched a path. */
export interface PathCommit {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** Author date. */
  date: Date;
  subject: string;
}

export interface LogPathOptions {
  /** Where the history starts (default HEAD). */
  rev?: string;
  /** Only commits after this date (anything `git log --since` understands, e.g. `2026-01-01`, `2 weeks ago`). */
  since?: string;
  maxCount?: number;
  /**
   * Follow only first parents: on a deployment branch this lists the commits that changed the path
   * on that branch — merge commits of pull requests included — rather than the merged branches' commits.
   */
  firstParent?: boolean;
  env?: NodeJS.ProcessEnv;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** `git log REV -- PATH`, newest first. */
export async function logPath(repoDir: string, path: string, options: LogPathOptions = {}): Promise<PathCommit[]> {
  const rev = options.rev ?? 'HEAD';
  if (!isSafeRev(rev)) throw new InputError(`invalid git revision: ${JSON.stringify(rev)}`, { rev });
  const args = ['log', `--format=%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%s${RECORD}`];
  if (options.since !== undefined) args.push(`--since=${options.since}`);
  if (options.maxCount !== undefined) args.push(`--max-count=${options.maxCount}`);
  if (options.firstParent === true) args.push('--first-parent');
  args.push(rev, '--', path);
  let out: string;
  try {
    out = await gitClient(repoDir, options.env ?? process.env).raw(args);
  } catch (err) {
    throw new InputError(`git log of ${path} at ${rev} failed: ${(err as Error).message.split('\n')[0] ?? ''}`, { rev, path }, { cause: err });
  }
  const commits: PathCommit[] = [];
  for (const record of out.split(RECORD)) {
    const trimmed = record.replace(/^\n/, '');
    if (trimmed === '') continue;
    const [commit, authorName, authorEmail, date, subject] = trimmed.split(FIELD);
    if (commit === undefined || date === undefined) continue;
    commits.push({ commit, authorName: authorName ?? '', authorEmail: authorEmail ?? '', date: new Date(date), subject: subject ?? '' });
  }
  return commits;
}

/**
 * For each revision, the newest first-parent ancestor (itself included) that changed `path`: the commit
 * whose inventory that revision deploys. Revisions this clone does not have, or with no such ancestor,
 * are left out.
 */
export async function pathCommitsOf(
  repoDir: string,
  path: string,
  revisions: readonly string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<Map<string, string>> {
  const git = gitClient(repoDir, options.env ?? process.env);
  const out = new Map<string, string>();
  for (const rev of new Set(revisions)) {
    if (!isSafeRev(rev)) continue;
    try {
      const commit = (await git.raw(['rev-list', '-1', '--first-parent', rev, '--', path])).trim();
      if (commit !== '') out.set(rev, commit);
    } catch {
      // An unknown revision (e.g. rewritten history): the run stays unjoined.
    }
  }
  return out;
}
