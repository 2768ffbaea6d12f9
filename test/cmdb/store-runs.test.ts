import { backends, freshStore } from './backends.js';
import type { CmdbStore } from '../../src/cmdb/store.js';
import { LockBusyError } from '../../src/cmdb/environment-lock.js';

const plan = { base: 'a'.repeat(40), target: 'b'.repeat(40), valid: true, diagnostics: [], actions: [] };

describe.each(backends)('CMDB store on $name', (backend) => {
  let store: CmdbStore;
  let done: () => Promise<void>;

  beforeAll(async () => {
    ({ store, done } = await freshStore(backend, 'runs'));
  });
  afterAll(async () => {
    await done();
  });

  it('migrates once: re-opening the same database applies nothing new', async () => {
    expect(await store.migrate()).toEqual([]);
    const rows = await store.db.query<{ version: number }>('SELECT version FROM gitops.schema_migration ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it('records a run from queued to succeeded with its steps, exit codes and output', async () => {
    const runId = await store.createRun({
      environment: 'prod', revision: 'b'.repeat(40), baseRevision: 'a'.repeat(40), trigger: 'push',
      actor: 'alice', pullRequest: 42, plan, planHash: 'h1',
    });
    expect(runId).toMatch(/^[0-9]+$/);
    expect((await store.getRun(runId))?.status).toBe('queued');

    await store.startRun(runId, new Date('2026-01-01T00:00:00Z'));
    await store.addSteps(runId, [
      { order: 1, actionId: 'a1', argv: ['bin/pgsql-add', 'pg-test'] },
      { order: 2, actionId: 'a2', argv: ['./pgsql.yml', '-l', 'pg-test', '-t', 'pg_hba'] },
    ]);
    await store.updateStep(runId, 1, { status: 'running', startedAt: new Date('2026-01-01T00:00:01Z') });
    await store.appendStepOutput(runId, 1, 'line 1\n');
    await store.appendStepOutput(runId, 1, 'line 2\n');
    await store.updateStep(runId, 1, { status: 'succeeded', exitCode: 0, finishedAt: new Date('2026-01-01T00:00:02Z') });
    await store.finishRun(runId, { status: 'failed', error: 'step 2 did not run', finishedAt: new Date('2026-01-01T00:00:03Z') });

    const run = await store.getRun(runId);
    expect(run).toMatchObject({
      id: runId, environment: 'prod', revision: 'b'.repeat(40), baseRevision: 'a'.repeat(40), trigger: 'push',
      actor: 'alice', pullRequest: 42, planHash: 'h1', status: 'failed', error: 'step 2 did not run',
      dryRun: false, runner: store.runner,
    });
    expect(run?.startedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(run?.finishedAt?.toISOString()).toBe('2026-01-01T00:00:03.000Z');
    expect(await store.runPlan(runId)).toEqual(plan);

    const steps = await store.listSteps(runId);
    expect(steps.map((s) => [s.order, s.actionId, s.argv, s.status, s.exitCode, s.output])).toEqual([
      [1, 'a1', ['bin/pgsql-add', 'pg-test'], 'succeeded', 0, 'line 1\nline 2\n'],
      [2, 'a2', ['./pgsql.yml', '-l', 'pg-test', '-t', 'pg_hba'], 'cancelled', undefined, ''],
    ]);
  });

  it('caps step output to its end and says it was truncated', async () => {
    const capped = await freshStore(backend, 'cap', { stepOutputCap: 10 });
    try {
      const runId = await capped.store.createRun({ environment: 'prod', revision: 'c'.repeat(40), baseRevision: undefined, trigger: 'cli', actor: undefined, pullRequest: undefined });
      await capped.store.addSteps(runId, [{ order: 1, actionId: 'x', argv: ['true'] }]);
      await capped.store.appendStepOutput(runId, 1, '0123456789');
      await capped.store.appendStepOutput(runId, 1, 'abcdef');
      let step = (await capped.store.listSteps(runId))[0];
      expect([step?.output, step?.outputTruncated]).toEqual(['6789abcdef', true]);
      await capped.store.updateStep(runId, 1, { status: 'failed', exitCode: 2, output: 'short' });
      step = (await capped.store.listSteps(runId))[0];
      expect([step?.output, step?.outputTruncated, step?.exitCode, step?.status]).toEqual(['short', false, 2, 'failed']);
      await capped.store.updateStep(runId, 1, { status: 'failed', output: 'x'.repeat(12) + 'END' });
      step = (await capped.store.listSteps(runId))[0];
      expect([step?.output, step?.outputTruncated, step?.exitCode]).toEqual(['xxxxxxxEND', true, 2]);
    } finally {
      await capped.done();
    }
  });

  it('records a webhook delivery once and reports redeliveries', async () => {
    expect(await store.recordDelivery('d-1', 'push')).toBe(true);
    expect(await store.recordDelivery('d-1', 'push')).toBe(false);
    expect(await store.recordDelivery('d-2', 'pull_request')).toBe(true);
  });

  it('keeps the latest plan per pull request and environment, and its comment id', async () => {
    await store.savePrPlan({ pullRequest: 7, environment: 'prod', revision: 'r1', planHash: 'p1', commentId: 1001 });
    await store.savePrPlan({ pullRequest: 7, environment: 'prod', revision: 'r2', planHash: 'p2', commentId: undefined });
    await store.savePrPlan({ pullRequest: 7, environment: 'staging', revision: 'r2', planHash: 'p3', commentId: 1002 });
    expect(await store.getPrPlan(7, 'prod')).toMatchObject({ revision: 'r2', planHash: 'p2', commentId: 1001 });
    expect(await store.getPrPlan(7, 'staging')).toMatchObject({ revision: 'r2', planHash: 'p3', commentId: 1002 });
    expect(await store.getPrPlan(8, 'prod')).toBeUndefined();
  });

  it('records the applied state with the inventory and its files, and finishes the run', async () => {
    const runId = await store.createRun({ environment: 'staging', revision: 'd'.repeat(40), baseRevision: undefined, trigger: 'push', actor: 'bob', pullRequest: undefined });
    await store.startRun(runId);
    const document = { all: { vars: { admin_ip: '10.10.10.10', pg_admin_password: 's3cret' }, children: {} } };
    await store.recordApplied({
      environment: 'staging', runId, revision: 'd'.repeat(40), document, planHash: 'ph',
      files: [{ path: 'environments/staging/pigsty.yml', text: 'all: {}\n' }], pigstyCmdbSync: false,
      finishedAt: new Date('2026-02-02T00:00:00Z'),
    });
    expect(await store.appliedState('staging')).toEqual({
      environment: 'staging', revision: 'd'.repeat(40), document, planHash: 'ph', runId,
      files: [{ path: 'environments/staging/pigsty.yml', text: 'all: {}\n' }],
      appliedAt: new Date('2026-02-02T00:00:00Z'),
    });
    expect((await store.getRun(runId))?.status).toBe('succeeded');
    expect(await store.appliedState('nowhere')).toBeUndefined();
    expect((await store.environments()).map((e) => e.name)).toEqual(['prod', 'staging']);
  });

  it('lists runs newest first filtered by environment, revisions and status', async () => {
    const prodRuns = await store.listRuns({ environment: 'prod' });
    expect(prodRuns.map((r) => r.revision)).toEqual(['b'.repeat(40)]);
    expect((await store.listRuns({ revisions: ['d'.repeat(40)] })).map((r) => r.environment)).toEqual(['staging']);
    expect((await store.listRuns({ status: 'failed' })).map((r) => r.revision)).toEqual(['b'.repeat(40)]);
  });

  it('refuses a second holder of an environment lock until the first releases it', async () => {
    const first = await store.lockEnvironment('prod', { wait: false });
    expect(first).toBeDefined();
    expect(await store.lockEnvironment('prod', { wait: false })).toBeUndefined();
    const other = await store.lockEnvironment('staging', { wait: false });
    expect(other).toBeDefined();
    await expect(store.withEnvironmentLock('prod', async () => 1)).rejects.toBeInstanceOf(LockBusyError);
    await first?.release();
    await other?.release();
    expect(await store.withEnvironmentLock('prod', async () => 'ran')).toBe('ran');
  });

  it('marks running runs interrupted when no process holds their environment lock', async () => {
    const a = await store.createRun({ environment: 'int-a', revision: 'e'.repeat(40), baseRevision: undefined, trigger: 'push', actor: undefined, pullRequest: undefined });
    await store.startRun(a);
    await store.addSteps(a, [{ order: 1, actionId: 's', argv: ['x'] }]);
    await store.updateStep(a, 1, { status: 'running' });
    const b = await store.createRun({ environment: 'int-b', revision: 'f'.repeat(40), baseRevision: undefined, trigger: 'push', actor: undefined, pullRequest: undefined });
    await store.startRun(b);
    const held = await store.lockEnvironment('int-b', { wait: false });
    const marked = await store.markInterruptedRuns();
    await held?.release();
    expect(marked).toEqual([{ runId: a, environment: 'int-a', revision: 'e'.repeat(40) }]);
    expect((await store.getRun(a))?.status).toBe('interrupted');
    expect((await store.listSteps(a))[0]?.status).toBe('cancelled');
    expect((await store.getRun(b))?.status).toBe('running');
  });
});
