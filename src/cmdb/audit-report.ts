/**
 * The audit of one environment: each commit of its inventory path (newest first) joined with the runs
 * that applied (or tried to apply) it. Pure: commits and runs are passed in.
 */
import type { RunRecord, RunStatus } from './types.js';

export interface AuditCommit {
  commit: string;
  authorName: string;
  authorEmail: string;
  date: Date;
  subject: string;
}

export interface AuditRun {
  id: string;
  /** The revision the run applied: the commit itself, or a later one (e.g. a merge commit) deploying it. */
  revision: string;
  status: RunStatus;
  trigger: string;
  pullRequest: number | undefined;
  actor: string | undefined;
  startedAt: string | undefined;
  finishedAt: string | undefined;
}

export interface AuditEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** A run applied this commit successfully. */
  applied: boolean;
  /** When the latest successful run finished. */
  appliedAt: string | undefined;
  /** That run. */
  appliedBy: AuditRun | undefined;
  /** The environment's current applied revision. */
  current: boolean;
  /** Every run of this commit, newest first. */
  runs: AuditRun[];
}

export interface AuditReport {
  environment: string;
  path: string;
  since: string | undefined;
  currentRevision: string | undefined;
  commits: AuditEntry[];
}

export function buildAudit(input: {
  environment: string;
  path: string;
  since: string | undefined;
  currentRevision: string | undefined;
  commits: readonly AuditCommit[];
  runs: readonly RunRecord[];
  /** Run revision → the listed commit whose inventory it deploys, for revisions that are not listed commits. */
  deployedCommitOf?: ReadonlyMap<string, string>;
}): AuditReport {
  const commitOf = (revision: string): string => input.deployedCommitOf?.get(revision) ?? revision;
  const byRevision = new Map<string, RunRecord[]>();
  for (const run of input.runs) {
    const commit = commitOf(run.revision);
    const list = byRevision.get(commit) ?? [];
    list.push(run);
    byRevision.set(commit, list);
  }
  const current = input.currentRevision === undefined ? undefined : commitOf(input.currentRevision);
  const commits = input.commits.map((c): AuditEntry => {
    const runs = (byRevision.get(c.commit) ?? []).slice().sort((a, b) => Number(BigInt(b.id) - BigInt(a.id)));
    const success = runs.find((r) => r.status === 'succeeded' && !r.dryRun);
    return {
      commit: c.commit,
      date: c.date.toISOString(),
      author: c.authorName,
      subject: c.subject,
      applied: success !== undefined,
      appliedAt: success?.finishedAt?.toISOString(),
      appliedBy: success === undefined ? undefined : auditRun(success),
      current: c.commit === current,
      runs: runs.map(auditRun),
    };
  });
  return { environment: input.environment, path: input.path, since: input.since, currentRevision: input.currentRevision, commits };
}

function auditRun(run: RunRecord): AuditRun {
  return {
    id: run.id,
    revision: run.revision,
    status: run.status,
    trigger: run.trigger,
    pullRequest: run.pullRequest,
    actor: run.actor,
    startedAt: run.startedAt?.toISOString(),
    finishedAt: run.finishedAt?.toISOString(),
  };
}

/** One line per commit: `abc1234 2026-01-02 applied 2026-01-03T10:00:00Z run 12 succeeded PR #4 by alice — subject`. */
export function renderAuditText(report: AuditReport): string {
  const lines = [`audit of ${report.environment} (${report.path})${report.since === undefined ? '' : ` since ${report.since}`}`];
  if (report.commits.length === 0) lines.push('no commits');
  for (const entry of report.commits) {
    const head = `${entry.current ? '*' : ' '} ${entry.commit.slice(0, 7)} ${entry.date.slice(0, 10)}`;
    const last = entry.appliedBy ?? entry.runs[0];
    let state: string;
    if (entry.applied) state = `applied ${entry.appliedAt ?? ''}`;
    else if (last !== undefined) state = `not applied`;
    else state = 'never run';
    const run = last === undefined
      ? ''
      : ` run ${last.id} ${last.status} (${last.trigger})${last.revision === entry.commit ? '' : ` via ${last.revision.slice(0, 7)}`}${last.pullRequest === undefined ? '' : ` PR #${last.pullRequest}`}${last.actor === undefined ? '' : ` by ${last.actor}`}`;
    lines.push(`${head} ${state}${run} — ${entry.subject} (${entry.author})`);
  }
  return `${lines.join('\n')}\n`;
}
