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
