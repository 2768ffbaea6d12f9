/**
 * Jest global setup: starts one real PostgreSQL server for every test worker. initdb runs in a temp
 * dir, `postgres` listens on a free port of 127.0.0.1 (unix socket in the temp dir). As root (CI) both
 * run as the unprivileged `postgres` user (or `nobody`) through runuser, since PostgreSQL refuses root.
 * Workers read the admin URL from PIGSTY_GITOPS_TEST_PG_URL (see postgres.ts). Self-contained: jest
 * loads this file without the test module mapping.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PG_URL_ENV = 'PIGSTY_GITOPS_TEST_PG_URL';

export interface PostgresServer {
  url: string;
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

/** Directory of the newest installed PostgreSQL server binaries (Debian layout), or from PATH. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return path === '' ? undefined : path.replace(/\/initdb$/, '');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The unprivileged user to run PostgreSQL as when we are root: `postgres` when it exists, else `nobody`. */
function runAsUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0) return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('running as root but neither the postgres nor the nobody user exists');
}

/**
 * Spawn options that drop to `user` when we are root. The process is started directly with that uid/gid
 * (no runuser/su in between), so signals reach postgres itself: su-like wrappers ignore SIGINT, which
 * left the fast shutdown unanswered and jest waiting forever.
 */
function asUser(user: { uid: number; gid: number } | undefined): { uid?: number; gid?: number } {
  return user === undefined ? {} : { uid: user.uid, gid: user.gid };
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error('PostgreSQL server binaries (initdb, postgres) not found: run scripts/setup-test-deps.sh');
  const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-pg-'));
  const user = runAsUser();
  chmodSync(dir, 0o700);
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
    encoding: 'utf8',
    cwd: dir,
    ...asUser(user),
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const child: ChildProcess = spawn(join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
    '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], detached: false, ...asUser(user) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitReady(url, child, () => stderr);
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  const pid = child.pid ?? 0;
  return {
    url,
    dir,
    pid,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGINT'); // fast shutdown
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited: ${stderr()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not start: ${stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

declare global {
  // Shared with global-teardown.ts, which jest runs in the same process.
  var pigstyGitopsTestPostgres: PostgresServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.PIGSTY_GITOPS_SKIP_POSTGRES === '1') return;
  const server = await startPostgresServer();
  globalThis.pigstyGitopsTestPostgres = server;
  process.env[PG_URL_ENV] = server.url;
}
