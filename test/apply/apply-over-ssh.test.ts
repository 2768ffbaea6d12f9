/**
 * The apply engine against a real OpenSSH server, a fake Pigsty home that records every call,
 * real git revisions and the CMDB store on PGlite.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEnvironment } from '../../src/apply/apply-environment.js';
import { ApplyLockedError, NotAdoptedError } from '../../src/apply/apply-errors.js';
import { inventoryUploadContent, sha256Hex } from '../../src/apply/inventory-upload-content.js';
import { SECRET_MASK } from '../../src/apply/secret-scrubber.js';
import { removeTempDirs } from '../support/git-repo.js';
import { processAlive } from '../support/processes.js';
import { waitUntil } from '../support/wait-until.js';
import { sshdAvailable, startSshd } from '../support/sshd.js';
import {
  action,
  BASE_SECRET,
  BASE_TEXT,
  depsFor,
  ENV,
  homeFile,
  planOf,
  requestFor,
  sshExecutorFor,
  startBench,
  TARGET_SECRET,
  TARGET_TEXT,
  type Bench,
} from './apply-harness.js';

const describeSsh = sshdAvailable() ? describe : describe.skip;

describeSsh('apply over SSH', () => {
  const created: string[] = [];
  let bench: Bench;

  beforeEach(async () => {
    bench = await startBench(created);
  });

  afterEach(async () => {
    await bench.cleanup();
    removeTempDirs(created);
  });

  it('runs the whole plan in order from the Pigsty home, each step seeing the target inventory, and records the applied state', async () => {
    const actions = [
      action('a01', ['bin/node-add', '10.10.10.12']),
      action('a02', ['bin/pgsql-add', 'pg-test', '10.10.10.12']),
      action('a03', ['bin/pgsql-user', 'pg-test', 'dbuser_app']),
      action('a04', ['./pgsql.yml', '-l', 'pg-test', '-t', 'pg_hba']),
    ];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions)), depsFor(bench));

    expect(outcome.status).toBe('succeeded');
    const calls = bench.home.calls();
    // The fake records `./pgsql.yml` as `pgsql.yml` (the same file, run from the home).
    const bare = (argv: readonly string[]): string[] => argv.map((w, i) => (i === 0 ? w.replace(/^\.\//, '') : w));
    expect(calls.map((c) => bare(c.argv))).toEqual(actions.map((a) => bare(a.argv)));
    const targetSha = sha256Hex(TARGET_TEXT);
    expect(calls.map((c) => c.pigstyYmlSha256)).toEqual(actions.map(() => targetSha));
    expect(new Set(calls.map((c) => c.cwd))).toEqual(new Set([bench.home.path]));
    expect(homeFile(bench, 'pigsty.yml')).toBe(TARGET_TEXT);
    expect(homeFile(bench, `pigsty.yml.${bench.baseRev.slice(0, 12)}.bak`)).toBe(BASE_TEXT);
    expect(outcome.upload?.backupPath).toBe(join(bench.home.path, `pigsty.yml.${bench.baseRev.slice(0, 12)}.bak`));
    expect(readdirSync(bench.home.path).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const applied = await bench.store.store.appliedState(ENV);
    expect(applied?.revision).toBe(bench.targetRev);
    expect(applied?.runId).toBe(outcome.runId);
    const run = await bench.store.run(outcome.runId ?? '');
    expect(run?.status).toBe('succeeded');
    const steps = await bench.store.steps(outcome.runId ?? '');
    expect(steps.map((s) => [s.order, s.argv, s.status, s.exitCode])).toEqual(actions.map((a, i) => [i + 1, a.argv, 'succeeded', 0]));
    expect(steps[1]?.output).toContain('pgsql-add: running bin/pgsql-add pg-test 10.10.10.12');
    expect(bench.events.filter((e) => e.type === 'step-finished').map((e) => e.type === 'step-finished' && e.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
  });

  it('stops at the first failing step, skips the rest and keeps the applied state at the previous revision', async () => {
    bench.home.control('pgsql-user', { fail: 3 });
    const actions = [
      action('a01', ['bin/pgsql-add', 'pg-test']),
      action('a02', ['bin/pgsql-user', 'pg-test', 'dbuser_app']),
      action('a03', ['bin/pgsql-db', 'pg-test', 'app']),
    ];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions)), depsFor(bench));

    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toBe('step');
    expect(outcome.failedStep?.order).toBe(2);
    expect(outcome.failedStep?.outputTail).toContain('pgsql-user: failing with exit code 3');
    expect(outcome.message).toBe(`step 2/3 (bin/pgsql-user pg-test dbuser_app) exited with code 3; applied state stays at ${bench.baseRev}`);
    expect(bench.home.calls().map((c) => c.name)).toEqual(['pgsql-add', 'pgsql-user']);
    expect((await bench.store.store.appliedState(ENV))?.revision).toBe(bench.baseRev);
    const steps = await bench.store.steps(outcome.runId ?? '');
    expect(steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['succeeded', 0],
      ['failed', 3],
      ['skipped', undefined],
    ]);
    const run = await bench.store.run(outcome.runId ?? '');
    expect(run?.status).toBe('failed');
    expect(run?.error).toBe(outcome.message);
  });

  it('kills a step that exceeds its timeout and fails the run', async () => {
    bench.home.control('pgsql-hba', 'hang');
    const actions = [action('a01', ['bin/pgsql-hba', 'pg-test']), action('a02', ['bin/pgsql-svc', 'pg-test'])];
    const request = requestFor(bench, planOf(bench, actions));
    request.environment = { ...request.environment, stepTimeoutMs: 1500 };
    const outcome = await applyEnvironment(request, depsFor(bench));

    expect(outcome.status).toBe('failed');
    expect(outcome.failedStep?.failure).toBe('timeout');
    expect(outcome.message).toBe(`step 1/2 (bin/pgsql-hba pg-test) timed out after 1500 ms (process killed); applied state stays at ${bench.baseRev}`);
    const hung = bench.home.hangChildPid();
    expect(hung).toBeDefined();
    await waitUntil(() => !processAlive(hung ?? -1), 10_000);
    expect(processAlive(hung ?? -1)).toBe(false);
    expect(bench.home.calls().map((c) => c.name)).toEqual(['pgsql-hba']);
    expect((await bench.store.steps(outcome.runId ?? '')).map((s) => s.status)).toEqual(['failed', 'skipped']);
  });

  it('cancels the running step when the signal aborts, killing the remote process', async () => {
    bench.home.control('pgsql-add', 'hang');
    const abort = new AbortController();
    const off = bench.bus.subscribe((e) => {
      if (e.type === 'step-output' && e.order === 1) abort.abort();
    });
    const actions = [action('a01', ['bin/pgsql-add', 'pg-test']), action('a02', ['bin/pgsql-user', 'pg-test', 'u'])];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions), { signal: abort.signal }), depsFor(bench));
    off();

    expect(outcome.status).toBe('cancelled');
    expect((await bench.store.run(outcome.runId ?? ''))?.status).toBe('cancelled');
    expect((await bench.store.steps(outcome.runId ?? '')).map((s) => s.status)).toEqual(['cancelled', 'skipped']);
    const hung = bench.home.hangChildPid();
    await waitUntil(() => !processAlive(hung ?? -1), 10_000);
    expect(processAlive(hung ?? -1)).toBe(false);
    expect((await bench.store.store.appliedState(ENV))?.revision).toBe(bench.baseRev);
  });

  it('refuses a changed host key: nothing is uploaded or run and the error says why', async () => {
    const other = await startSshd();
    try {
      const actions = [action('a01', ['bin/pgsql-add', 'pg-test'])];
      const connect = async () => sshExecutorFor(bench.sshd, { knownHostsPath: undefined, hostKeyFingerprint: other.hostKeyFingerprint });
      const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions)), depsFor(bench, connect));

      expect(outcome.status).toBe('failed');
      expect(outcome.failure).toBe('connection');
      expect(outcome.message).toContain('does not match the pinned key');
      expect(bench.home.calls()).toEqual([]);
      expect(homeFile(bench, 'pigsty.yml')).toBe(BASE_TEXT);
      expect((await bench.store.steps(outcome.runId ?? '')).map((s) => s.status)).toEqual(['skipped']);
    } finally {
      await other.stop();
    }
  });

  it('reports a key the server does not accept without running anything', async () => {
    const other = await startSshd();
    try {
      const connect = async () => sshExecutorFor(bench.sshd, { privateKeyPath: other.clientKeyPath });
      const outcome = await applyEnvironment(requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-add', 'pg-test'])])), depsFor(bench, connect));

      expect(outcome.status).toBe('failed');
      expect(outcome.failure).toBe('connection');
      expect(outcome.message).toContain('authentication as');
      expect(bench.home.calls()).toEqual([]);
      expect(homeFile(bench, 'pigsty.yml')).toBe(BASE_TEXT);
      expect((await bench.store.store.appliedState(ENV))?.revision).toBe(bench.baseRev);
    } finally {
      await other.stop();
    }
  });

  it('fails the step and skips the rest when sshd dies mid-step', async () => {
    bench.home.control('pgsql-add', 'hang');
    const killed = new Promise<void>((resolve) => {
      const off = bench.bus.subscribe((e) => {
        if (e.type === 'step-output' && e.order === 1) {
          off();
          void bench.sshd.kill().then(resolve);
        }
      });
    });
    const actions = [action('a01', ['bin/pgsql-add', 'pg-test']), action('a02', ['bin/pgsql-user', 'pg-test', 'u'])];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions)), depsFor(bench));
    await killed;

    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toBe('connection');
    expect(outcome.failedStep?.order).toBe(1);
    expect((await bench.store.steps(outcome.runId ?? '')).map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect((await bench.store.store.appliedState(ENV))?.revision).toBe(bench.baseRev);
  });

  it('stores a capped output for a step printing 5 MB, keeping its beginning and its end', async () => {
    bench.home.control('pgsql-add', { outputMiB: 5 });
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-add', 'pg-test'])])), depsFor(bench));

    expect(outcome.status).toBe('succeeded');
    const [step] = await bench.store.steps(outcome.runId ?? '');
    const output = step?.output ?? '';
    expect(output.startsWith('pgsql-add: running bin/pgsql-add pg-test\n')).toBe(true);
    expect(output.endsWith('pgsql-add: done\npgsql-add: ok\n')).toBe(true);
    expect(output).toMatch(/\[pigsty-gitops: \d+ lines \(\d+ bytes\) of output omitted\]/);
    expect(Buffer.byteLength(output)).toBeLessThanOrEqual(256 * 1024 + 200);
  });

  it('passes names with quotes, spaces and shell characters to the command intact', async () => {
    const weird = ["pg-test", `db user 'x' "y" $HOME \`id\` ; rm -rf / *`, 'tab\there'];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-user', ...weird])])), depsFor(bench));

    expect(outcome.status).toBe('succeeded');
    expect(bench.home.calls().map((c) => c.argv)).toEqual([['bin/pgsql-user', ...weird]]);
  });

  it('refuses a destructive plan without opt-in before uploading or running anything', async () => {
    const actions = [action('a01', ['bin/pgsql-user', 'pg-test', 'u']), action('a02', ['bin/pgsql-rm', 'pg-old'], 'destructive', 'base')];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions)), depsFor(bench));

    expect(outcome.status).toBe('refused');
    expect(outcome.message).toBe('refused: the plan has 1 destructive action(s) (bin/pgsql-rm pg-old); re-run with --allow-destroy to run them');
    expect(bench.home.calls()).toEqual([]);
    expect(homeFile(bench, 'pigsty.yml')).toBe(BASE_TEXT);
    expect(readdirSync(bench.home.path).filter((f) => f.startsWith('pigsty.') && f !== 'pigsty.yml')).toEqual([]);
    expect((await bench.store.run(outcome.runId ?? ''))?.status).toBe('failed');
    expect((await bench.store.steps(outcome.runId ?? '')).map((s) => s.status)).toEqual(['skipped', 'skipped']);
  });

  it('runs removals with --allow-destroy against the uploaded base inventory', async () => {
    const actions = [action('a01', ['bin/pgsql-user', 'pg-test', 'u']), action('a02', ['bin/pgsql-rm', 'pg-old'], 'destructive', 'base')];
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions), { allowDestroy: true }), depsFor(bench));

    expect(outcome.status).toBe('succeeded');
    expect(bench.home.calls().map((c) => c.argv)).toEqual(actions.map((a) => a.argv));
    const basePath = join(bench.home.path, `pigsty.base-${bench.baseRev.slice(0, 12)}.yml`);
    expect(homeFile(bench, `pigsty.base-${bench.baseRev.slice(0, 12)}.yml`)).toBe(BASE_TEXT);
    expect(existsSync(basePath)).toBe(true);
  });

  it('refuses when the plan rebuilt under the lock is not the one reviewed', async () => {
    const plan = planOf(bench, [action('a01', ['bin/pgsql-user', 'pg-test', 'u'])]);
    const outcome = await applyEnvironment(requestFor(bench, plan, { expectedPlanHash: 'aaaaaaaaaaaaaaaa' }), depsFor(bench));

    expect(outcome.status).toBe('refused');
    expect(outcome.message).toBe('refused: the plan changed since it was reviewed (approved aaaaaaaaaaaa, now hash-of-1); review the new plan');
    expect(bench.home.calls()).toEqual([]);
    expect(homeFile(bench, 'pigsty.yml')).toBe(BASE_TEXT);
  });

  it('dry run records what would run and touches nothing', async () => {
    const actions = [action('a01', ['bin/pgsql-user', 'pg-test', 'u'])];
    let connected = false;
    const connect = async () => {
      connected = true;
      return sshExecutorFor(bench.sshd);
    };
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, actions), { dryRun: true }), depsFor(bench, connect));

    expect(outcome.status).toBe('dry-run');
    expect(connected).toBe(false);
    expect(bench.home.calls()).toEqual([]);
    expect(homeFile(bench, 'pigsty.yml')).toBe(BASE_TEXT);
    const run = await bench.store.run(outcome.runId ?? '');
    expect(run?.dryRun).toBe(true);
    expect(run?.status).toBe('cancelled');
    expect((await bench.store.steps(outcome.runId ?? '')).map((s) => [s.argv, s.status])).toEqual([[['bin/pgsql-user', 'pg-test', 'u'], 'skipped']]);
  });

  it('applies nothing for an invalid target', async () => {
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, [], false)), depsFor(bench));
    expect(outcome.status).toBe('invalid');
    expect(bench.home.calls()).toEqual([]);
    expect(homeFile(bench, 'pigsty.yml')).toBe(BASE_TEXT);
  });

  it('refuses while another holder has the environment lock', async () => {
    const lock = await bench.store.store.lockEnvironment(ENV, { wait: false });
    expect(lock).toBeDefined();
    try {
      await expect(applyEnvironment(requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-add', 'x'])])), depsFor(bench))).rejects.toThrow(ApplyLockedError);
      expect(bench.home.calls()).toEqual([]);
    } finally {
      await lock?.release();
    }
  });

  it('with waitForLock, waits for the holder to release the lock and then applies', async () => {
    const lock = await bench.store.store.lockEnvironment(ENV, { wait: false });
    let released = false;
    const releasing = new Promise<void>((resolve) => {
      setTimeout(() => {
        released = true;
        void (lock?.release() ?? Promise.resolve()).then(resolve);
      }, 300);
    });
    const outcome = await applyEnvironment(
      requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-add', 'pg-test'])]), { waitForLock: true }),
      depsFor(bench),
    );
    await releasing;
    expect(released).toBe(true);
    expect(outcome.status).toBe('succeeded');
    expect(bench.home.calls().map((c) => c.argv)).toEqual([['bin/pgsql-add', 'pg-test']]);
  });

  it('refuses an environment that was never adopted, pointing at adopt', async () => {
    const request = requestFor(bench, planOf(bench, []));
    request.environment = { ...request.environment, name: 'staging' };
    await expect(applyEnvironment(request, depsFor(bench))).rejects.toThrow(NotAdoptedError);
    await expect(applyEnvironment(request, depsFor(bench))).rejects.toThrow('pigsty-gitops adopt staging --rev <revision>');
  });

  it('never stores or streams a secret printed by a step', async () => {
    bench.home.control('pgsql-user', { echo: `password is ${TARGET_SECRET} and ${BASE_SECRET}` });
    const outcome = await applyEnvironment(requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-user', 'pg-test', 'dbuser_app'])])), depsFor(bench));

    expect(outcome.status).toBe('succeeded');
    const [step] = await bench.store.steps(outcome.runId ?? '');
    expect(step?.output).toContain(`password is ${SECRET_MASK} and ${SECRET_MASK}`);
    const everything = JSON.stringify([step, outcome, bench.events]);
    expect(everything).not.toContain(TARGET_SECRET);
    expect(everything).not.toContain(BASE_SECRET);
  });

  it('uploads a split inventory as one merged YAML document whose checksum the steps see', async () => {
    const content = inventoryUploadContent({ ...bench.target, layout: 'split' }, bench.targetRev);
    const outcome = await applyEnvironment(
      requestFor(bench, planOf(bench, [action('a01', ['bin/pgsql-user', 'pg-test', 'dbuser_app'])]), { upload: content }),
      depsFor(bench),
    );
    expect(outcome.status).toBe('succeeded');
    expect(content.mode).toBe('merged');
    expect(bench.home.calls().map((c) => c.pigstyYmlSha256)).toEqual([content.sha256]);
    expect(homeFile(bench, 'pigsty.yml')).toContain(`Generated by pigsty-gitops from revision ${bench.targetRev}`);
  });
});
