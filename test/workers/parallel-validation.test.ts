/**
 * Validation on a worker thread gives exactly the in-thread verdict: checked on the compiled
 * worker (a real thread) and through the CLI process, with and without errors in the inventory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RecordingContentProvider } from '../../src/inventory/content-snapshot.js';
import { DiskContentProvider } from '../../src/inventory/disk-provider.js';
import { prefetchSingleFileInventory } from '../../src/inventory/load.js';
import { createValidator } from '../../src/validate/validate.js';
import type { ParallelValidator } from '../../src/workers/parallel-validation.js';
import { BIN, PROJECT_ROOT, requireBuiltCli } from '../cli/built-cli.js';

const GENERATOR = join(PROJECT_ROOT, 'bench', 'generate-inventory.mjs');

function generated(clusters: number, mutate = 0): string {
  return execFileSync(process.execPath, [GENERATOR, '--clusters', String(clusters), '--mutate', String(mutate)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Two errors a validator must find: a second primary and a duplicated pg_seq. */
function withErrors(text: string): string {
  return text.replace('pg_seq: 2, pg_role: replica', 'pg_seq: 1, pg_role: primary');
}

describe('validation on a worker thread', () => {
  let dir: string;
  let start: () => ParallelValidator;
  beforeAll(async () => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-workers-'));
    writeFileSync(join(dir, 'base.yml'), generated(160));
    writeFileSync(join(dir, 'target.yml'), generated(160, 12));
    writeFileSync(join(dir, 'broken.yml'), withErrors(generated(160, 12)));
    // The compiled module: its worker file sits beside it in dist/ (ts-jest runs sources, which have no .js worker).
    const compiled = (await import(pathToFileURL(join(PROJECT_ROOT, 'dist', 'workers', 'parallel-validation.js')).href)) as { startParallelValidator: () => ParallelValidator };
    start = compiled.startParallelValidator;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['target.yml', 'broken.yml'])('returns the in-thread verdict and diagnostics for %s', async (file) => {
    const recorder = new RecordingContentProvider(new DiskContentProvider(dir));
    expect(await prefetchSingleFileInventory(recorder, file)).toBe(true);
    const parallel = start();
    try {
      const verdict = await parallel.validate(recorder.snapshot(), file);
      const inThread = await createValidator().validateSource(new DiskContentProvider(dir), file);
      expect(verdict).toEqual({ valid: inThread.valid, diagnostics: inThread.diagnostics });
      if (file === 'broken.yml') expect(inThread.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(expect.arrayContaining(['PG003']));
    } finally {
      await parallel.close();
    }
  });

  it('answers undefined (validate in-thread) once the worker has been closed', async () => {
    const parallel = start();
    await parallel.close();
    expect(await parallel.validate({ label: 'x', files: {}, lists: {}, sizes: {}, displays: {} }, 'pigsty.yml')).toBeUndefined();
  });

  it.each(['target.yml', 'broken.yml'])('prints the same plan for %s with and without the worker', (file) => {
    const plan = (workers: string) =>
      spawnSync(process.execPath, [BIN, 'plan', '--format', 'json', '--base', 'base.yml', file], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PIGSTY_GITOPS_WORKERS: workers } });
    const parallel = plan('1');
    const inThread = plan('0');
    expect(parallel.status).toBe(file === 'broken.yml' ? 1 : 0);
    expect(parallel.stderr).toBe('');
    expect(parallel.stdout).toBe(inThread.stdout);
    expect(parallel.status).toBe(inThread.status);
  });
});
