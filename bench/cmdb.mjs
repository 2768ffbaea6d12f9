#!/usr/bin/env node
// CMDB benchmark (needs `npm run build`; `npm run bench` builds first):
//   - with 10,000 runs recorded, `audit` of an environment over 1,000 commits   goal ≤ 500 ms
//   - recording a run with 20 steps (create, start, add steps, 2 updates per step, finish)  goal ≤ 50 ms on PostgreSQL
// PostgreSQL: METADB_URL when set (a scratch database is created and dropped), else a temporary server
// (initdb as the postgres user when root). PGlite figures are printed for information.
//   node bench/cmdb.mjs
// Exit 0 goals met, 1 a goal missed, 2 error.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { freePort } from './support/free-port.mjs';
import { median } from './support/median.mjs';

const dist = new URL('../dist/', import.meta.url);
const { openStore } = await import(new URL('cmdb/store.js', dist).href);
const { buildAudit, renderAuditText } = await import(new URL('cmdb/audit-report.js', dist).href);
const { logPath } = await import(new URL('git/log.js', dist).href);

const RUNS = 10_000;
const COMMITS = 1_000;
const cleanups = [];

async function startServer() {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (version === undefined) throw new Error('no PostgreSQL server found: set METADB_URL or run scripts/setup-test-deps.sh');
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
    // PostgreSQL refuses root: run it as the postgres user, started with its uid directly so signals reach it.
  const as = asRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) }
    : {};
  if (asRoot) chownSync(dir, as.uid, as.gid);
  const init = spawnSync(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync'], { encoding: 'utf8', cwd: dir, ...as });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const child = spawn(join(bin, 'postgres'), ['-D', join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'], { cwd: dir, stdio: 'ignore', ...as });
  cleanups.push(async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT'); // fast shutdown
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let i = 0; ; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return url;
    } catch {
      await c.end().catch(() => undefined);
      if (i > 300) throw new Error('postgres did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function scratchDatabase(adminUrl) {
  const name = `bench_cmdb_${process.pid}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  cleanups.push(async () => {
    const d = new pg.Client({ connectionString: adminUrl });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await d.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A repository with COMMITS commits each changing environments/prod/pigsty.yml, built with git fast-import. */
function makeRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-bench-repo-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
  let stream = '';
  for (let i = 1; i <= COMMITS; i++) {
    const content = `all:\n  vars:\n    admin_ip: 10.10.10.10\n    serial: ${i}\n`;
    stream += `commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${1_700_000_000 + i * 60} +0000\n`;
    stream += `data ${`change ${i}`.length}\nchange ${i}\n`;
    if (i > 1) stream += `from :${i - 1}\n`;
    stream += `M 100644 inline environments/prod/pigsty.yml\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: stream, env });
  const commits = execFileSync('git', ['-C', dir, 'rev-list', 'main'], { encoding: 'utf8', env }).trim().split('\n');
  return { dir, env, commits };
}

/** RUNS runs: half on prod (spread over its commits), half on 9 other environments. */
async function seedRuns(store, commits) {
  await store.db.query(`INSERT INTO gitops.environment (name, inventory_path)
    SELECT 'env' || g, 'environments/env' || g FROM generate_series(0, 9) g ON CONFLICT DO NOTHING`);
  await store.ensureEnvironment('prod');
  await store.db.query(
    `INSERT INTO gitops.run (environment, revision, trigger, actor, pull_request, status, plan, plan_hash, created_at, started_at, finished_at)
     SELECT CASE WHEN g % 2 = 0 THEN 'prod' ELSE 'env' || (g % 9 + 1) END,
            ($1::text[])[1 + g % array_length($1::text[], 1)], 'push', 'bench', g % 500,
            CASE WHEN g % 7 = 0 THEN 'failed' ELSE 'succeeded' END,
            '{"actions":[]}'::jsonb, md5(g::text), now(), now(), now()
     FROM generate_series(1, $2::int) g`,
    [commits, RUNS],
  );
}

async function timeAudit(store, repo) {
  const start = performance.now();
  const commits = await logPath(repo.dir, 'environments/prod', { rev: 'main', env: repo.env });
  const runs = await store.listRuns({ environment: 'prod', revisions: commits.map((c) => c.commit), limit: 1_000_000 });
  const current = await store.appliedState('prod');
  const report = buildAudit({ environment: 'prod', path: 'environments/prod', since: undefined, currentRevision: current?.revision, commits, runs });
  renderAuditText(report);
  const ms = performance.now() - start;
  if (report.commits.length !== COMMITS) throw new Error(`audit saw ${report.commits.length} commits`);
  return ms;
}

async function timeRecordRun(store, revision) {
  const start = performance.now();
  const runId = await store.createRun({ environment: 'prod', revision, baseRevision: undefined, trigger: 'bench', actor: 'bench', pullRequest: 1, plan: { actions: [] }, planHash: 'x' });
  await store.startRun(runId);
  await store.addSteps(runId, Array.from({ length: 20 }, (_, i) => ({ order: i + 1, actionId: `a${i}`, argv: ['./pgsql.yml', '-l', `pg-${i}`] })));
  for (let i = 1; i <= 20; i++) {
    await store.updateStep(runId, i, { status: 'running', startedAt: new Date() });
    await store.updateStep(runId, i, { status: 'succeeded', exitCode: 0, finishedAt: new Date(), output: 'ok\n'.repeat(200) });
  }
  await store.finishRun(runId, { status: 'succeeded', error: undefined, finishedAt: new Date() });
  return performance.now() - start;
}

async function measure(label, store, repo) {
  await seedRuns(store, repo.commits);
  await timeAudit(store, repo); // warm-up
  const audits = [];
  for (let i = 0; i < 5; i++) audits.push(await timeAudit(store, repo));
  await timeRecordRun(store, repo.commits[0]);
  const records = [];
  for (let i = 0; i < 10; i++) records.push(await timeRecordRun(store, repo.commits[i]));
  const audit = median(audits);
  const record = median(records);
  console.log(`${label.padEnd(10)} audit of ${COMMITS} commits with ${RUNS} runs: median ${audit.toFixed(1)} ms (goal ≤ 500 ms)`);
  console.log(`${label.padEnd(10)} record a run with 20 steps: median ${record.toFixed(1)} ms${label === 'postgres' ? ' (goal ≤ 50 ms)' : ' (informational)'}`);
  return { audit, record };
}

let code = 0;
try {
  const repo = makeRepo();
  const adminUrl = process.env.METADB_URL || (await startServer());
  const url = await scratchDatabase(adminUrl);
  const pgStore = await openStore({ url, dataDir: '/nonexistent' });
  const onPg = await measure('postgres', pgStore, repo);
  await pgStore.close();
  const liteDir = mkdtempSync(join(tmpdir(), 'pigsty-gitops-bench-pglite-'));
  cleanups.push(async () => rmSync(liteDir, { recursive: true, force: true }));
  const liteStore = await openStore({ url: undefined, dataDir: join(liteDir, 'cmdb') });
  const onLite = await measure('pglite', liteStore, repo);
  await liteStore.close();
  if (onPg.audit > 500 || onPg.record > 50 || onLite.audit > 500) code = 1;
} catch (err) {
  console.error(`cmdb bench failed: ${err.message}`);
  code = 2;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
process.exit(code);
