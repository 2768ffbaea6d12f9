import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sleep } from './environment-lock.js';

export interface FileLockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface FileLockHandle {
  readonly path: string;
  release(): void;
}

const POLL_MS = 100;

/**
 * An exclusive lock file holding its holder's pid, for the embedded (PGlite) backend, which lives in
 * one process at a time:
 *  - taken by creating the file exclusively (`O_EXCL`), so two processes never both succeed;
 *  - a lock whose holder is dead (same host, `kill(pid, 0)` fails with ESRCH) is stale: it is moved
 *    aside with an atomic rename (only one contender wins the rename) and taken again;
 *  - a holder on another host is assumed alive (the data directory should not be shared).
 * The lock is not re-entrant: a second acquire in the holding process is refused too.
 */
export async function acquireFileLock(path: string, options: { wait: boolean; timeoutMs?: number }): Promise<FileLockHandle | undefined> {
  mkdirSync(dirname(path), { recursive: true });
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  let unreadable = 0;
  for (;;) {
    if (tryCreate(path)) {
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          const holder = readHolder(path);
          if (holder?.pid === process.pid && holder.host === hostname()) unlinkSync(path);
        },
      };
    }
    const holder = readHolder(path);
    if (holder === undefined) {
      // Removed between our attempt and the read (the file always appears complete): try again.
      if (++unreadable > 20) removeStale(path, undefined); // an unreadable leftover, e.g. after a full disk
      continue;
    }
    if (!isAlive(holder)) {
      removeStale(path, holder);
      continue;
    }
    if (!options.wait || Date.now() + POLL_MS > deadline) return undefined;
    await sleep(POLL_MS);
  }
}

/** Who holds the lock file at `path`, or undefined when free (or unreadable). */
export function readHolder(path: string): FileLockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<FileLockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '') };
  } catch {
    return undefined;
  }
}

function tryCreate(path: string): boolean {
  const holder: FileLockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Written to a private file first and hard-linked into place: the lock file appears complete, atomically.
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, JSON.stringify(holder));
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

function isAlive(holder: FileLockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeStale(path: string, stale: FileLockHolder | undefined): void {
  const aside = `${path}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another contender moved it first
  }
  const moved = readHolder(aside);
  if (moved !== undefined && (stale === undefined || moved.pid !== stale.pid || moved.since !== stale.since)) {
    // A live holder took the lock between our read and the rename: put its file back.
    try {
      linkSync(aside, path);
    } catch {
      /* someone else holds it now; either way it is held */
    }
  }
  unlinkSync(aside);
}
