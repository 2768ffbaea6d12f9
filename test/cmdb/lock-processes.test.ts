import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore, type CmdbStore } from '../../src/cmdb/store.js';
import { FileLocker } from '../../src/cmdb/file-locker.js';
import { createTestDatabase } from '../support/postgres.js';
import { compileCmdbForChildren, repoRoot } from './compile-for-children.js';

const holderScript = join(repoRoot, 'test', 'cmdb', 'fixtures', 'lock-holder.mjs');
let compiled: string | undefined;
const children: ChildProcess[] = [];

beforeAll(() => {
  compiled = compileCmdbForChildren();
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  if (compiled !== undefined) rmSync(compiled, { recursive: true, force: true });
});

/** Starts a holder process and resolves with it and the first line it prints. */
function startHolder(args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [holderScript, String(compiled), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, line }));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code} before printing`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('environment lock across processes on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let store: CmdbStore;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('locks'));
    store = await openStore({ url, dataDir: '/nonexistent' });
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  it('lets exactly one of two racing processes hold the lock; kill -9 of the holder frees it and its run is marked interrupted', async () => {
    const results = await Promise.all([startHolder(['postgres', url, 'prod']), startHolder(['postgres', url, 'prod'])]);
    const lines = results.map((r) => r.line.split(' ')[0]).sort();
    expect(lines).toEqual(['busy', 'locked']);
    const holder = results.find((r) => r.line.startsWith('locked'));
    const runId = holder?.line.split(' ')[1] ?? '';

    expect(await store.lockEnvironment('prod', { wait: false })).toBeUndefined();
    expect(await store.markInterruptedRuns()).toEqual([]);
    expect((await store.getRun(runId))?.status).toBe('running');

    await killHard(holder!.child);
    const lock = await store.lockEnvironment('prod', { wait: true, timeoutMs: 20_000 });
    expect(lock).toBeDefined();
    await lock?.release();

    expect(await store.markInterruptedRuns()).toEqual([{ runId, environment: 'prod', revision: 'a'.repeat(40) }]);
    expect((await store.getRun(runId))?.status).toBe('interrupted');
  });
});

describe('environment lock files of the embedded backend', () => {
  it('lets exactly one of two racing processes hold the lock; kill -9 of the holder frees it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-locks-'));
    try {
      const results = await Promise.all([startHolder(['file', dir, 'prod']), startHolder(['file', dir, 'prod'])]);
      expect(results.map((r) => r.line).sort()).toEqual(['busy', 'locked']);
      const locker = new FileLocker(dir);
      expect(await locker.tryLock('prod', { wait: false })).toBeUndefined();
      await killHard(results.find((r) => r.line === 'locked')!.child);
      const lock = await locker.tryLock('prod', { wait: false });
      expect(lock).toBeDefined();
      await lock?.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
