/**
 * Process helpers for tests that kill what they started. `signalProcess` only ever signals one
 * real process: `process.kill(0)` would hit the caller's whole process group and `process.kill(-1)`
 * every process the user may signal (as root, the machine), so any pid that is not an integer
 * above 1 is refused instead of being passed on.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Parses a pid written by a test's script; undefined unless it is an integer above 1. */
export function parsePid(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const pid = Number(trimmed);
  return pid > 1 ? pid : undefined;
}

/** Sends `name` to the single process `pid`; ignores a process that is already gone. */
export function signalProcess(pid: number, name: NodeJS.Signals): void {
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`refusing to signal pid ${pid}: not a single process`);
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}

/** Pids of every live descendant of `root` (read from /proc). */
export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // Exited meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const [pid, ppid] of parents) {
      if (ppid === current) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

/** True while a process with this pid exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
